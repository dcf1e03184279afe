using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CyclingCoach.Coaching.Data.Migrations
{
    /// <inheritdoc />
    public partial class Coach : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "ftp_used_watts",
                table: "workouts",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "heart_rate_stress_score",
                table: "workouts",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double[]>(
                name: "heart_rate_zone_seconds",
                table: "workouts",
                type: "double precision[]",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "local_date",
                table: "workouts",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<string>(
                name: "mean_max",
                table: "workouts",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<double[]>(
                name: "power_zone_seconds",
                table: "workouts",
                type: "double precision[]",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "training_load",
                table: "workouts",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "training_load_source",
                table: "workouts",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            // Rides projected before this migration get their local date from the stored UTC start and offset.
            migrationBuilder.Sql("UPDATE workouts SET local_date = (start_time_utc + make_interval(mins => start_utc_offset_minutes))::date;");

            migrationBuilder.CreateTable(
                name: "ai_calls",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    prompt_id = table.Column<Guid>(type: "uuid", nullable: true),
                    prompt_version = table.Column<int>(type: "integer", nullable: true),
                    model_requested = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    model_used = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    input_tokens = table.Column<long>(type: "bigint", nullable: true),
                    output_tokens = table.Column<long>(type: "bigint", nullable: true),
                    cost = table.Column<double>(type: "double precision", nullable: true),
                    latency_milliseconds = table.Column<double>(type: "double precision", nullable: false),
                    outcome = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    response_id = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    error = table.Column<string>(type: "text", nullable: true),
                    started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ai_calls", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "analyses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    workout_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    engine = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    fallback_reason = table.Column<string>(type: "text", nullable: true),
                    facts = table.Column<string>(type: "jsonb", nullable: true),
                    feedback = table.Column<string>(type: "jsonb", nullable: true),
                    suggestions = table.Column<string>(type: "jsonb", nullable: false),
                    plan_version_id = table.Column<Guid>(type: "uuid", nullable: true),
                    result_plan_version_id = table.Column<Guid>(type: "uuid", nullable: true),
                    error = table.Column<string>(type: "text", nullable: true),
                    reject_reason = table.Column<string>(type: "text", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    lease_until = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    decided_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analyses", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "athlete_profile",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    bike = table.Column<string>(type: "jsonb", nullable: true),
                    weekly_availability_hours = table.Column<double[]>(type: "double precision[]", nullable: true),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_athlete_profile", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "athlete_threshold_periods",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    ftp_watts = table.Column<double>(type: "double precision", nullable: true),
                    weight_kg = table.Column<double>(type: "double precision", nullable: true),
                    lactate_threshold_heart_rate_bpm = table.Column<int>(type: "integer", nullable: true),
                    max_heart_rate_bpm = table.Column<int>(type: "integer", nullable: true),
                    resting_heart_rate_bpm = table.Column<int>(type: "integer", nullable: true),
                    created_by = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_athlete_threshold_periods", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "calendar_feed",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    token_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_feed", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "conversations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_conversations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "flag_changes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    entity = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    flag = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    value = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    changed_by = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    changed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_flag_changes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "prompts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    model = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    template = table.Column<string>(type: "text", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    created_by = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_prompts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "rule_sets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    rules = table.Column<string>(type: "jsonb", nullable: false),
                    not_understood = table.Column<string>(type: "jsonb", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    created_by = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rule_sets", x => x.id);
                    table.ForeignKey(
                        name: "fk_rule_sets_rule_sets_parent_id",
                        column: x => x.parent_id,
                        principalTable: "rule_sets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "conversation_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    conversation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    content = table.Column<string>(type: "text", nullable: false),
                    engine = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    proposal_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_conversation_messages", x => x.id);
                    table.ForeignKey(
                        name: "fk_conversation_messages_conversations_conversation_id",
                        column: x => x.conversation_id,
                        principalTable: "conversations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    lineage_id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan = table.Column<string>(type: "jsonb", nullable: false),
                    goals = table.Column<string>(type: "jsonb", nullable: true),
                    rule_set_id = table.Column<Guid>(type: "uuid", nullable: true),
                    origin = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_by = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    repairs = table.Column<string>(type: "jsonb", nullable: false),
                    warnings = table.Column<string>(type: "jsonb", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plans", x => x.id);
                    table.ForeignKey(
                        name: "fk_plans_plans_parent_id",
                        column: x => x.parent_id,
                        principalTable: "plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_plans_rule_sets_rule_set_id",
                        column: x => x.rule_set_id,
                        principalTable: "rule_sets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_workouts_local_date",
                table: "workouts",
                column: "local_date");

            migrationBuilder.CreateIndex(
                name: "ix_ai_calls_started_at",
                table: "ai_calls",
                column: "started_at",
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "ix_analyses_created_at",
                table: "analyses",
                column: "created_at",
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "ix_analyses_status_lease_until",
                table: "analyses",
                columns: new[] { "status", "lease_until" },
                filter: "status = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_analyses_workout_id",
                table: "analyses",
                column: "workout_id");

            migrationBuilder.CreateIndex(
                name: "ix_athlete_threshold_periods_effective_from_created_at",
                table: "athlete_threshold_periods",
                columns: new[] { "effective_from", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_conversation_messages_conversation_id_created_at",
                table: "conversation_messages",
                columns: new[] { "conversation_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_conversations_updated_at",
                table: "conversations",
                column: "updated_at",
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "ix_plans_is_active",
                table: "plans",
                column: "is_active",
                unique: true,
                filter: "is_active");

            migrationBuilder.CreateIndex(
                name: "ix_plans_parent_id",
                table: "plans",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_plans_rule_set_id",
                table: "plans",
                column: "rule_set_id");

            migrationBuilder.CreateIndex(
                name: "ix_plans_version",
                table: "plans",
                column: "version",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_prompts_action_model",
                table: "prompts",
                columns: new[] { "action", "model" },
                unique: true,
                filter: "is_active");

            migrationBuilder.CreateIndex(
                name: "ix_prompts_action_model_version",
                table: "prompts",
                columns: new[] { "action", "model", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_rule_sets_is_active",
                table: "rule_sets",
                column: "is_active",
                unique: true,
                filter: "is_active");

            migrationBuilder.CreateIndex(
                name: "ix_rule_sets_parent_id",
                table: "rule_sets",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_rule_sets_version",
                table: "rule_sets",
                column: "version",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ai_calls");

            migrationBuilder.DropTable(
                name: "analyses");

            migrationBuilder.DropTable(
                name: "athlete_profile");

            migrationBuilder.DropTable(
                name: "athlete_threshold_periods");

            migrationBuilder.DropTable(
                name: "calendar_feed");

            migrationBuilder.DropTable(
                name: "conversation_messages");

            migrationBuilder.DropTable(
                name: "flag_changes");

            migrationBuilder.DropTable(
                name: "plans");

            migrationBuilder.DropTable(
                name: "prompts");

            migrationBuilder.DropTable(
                name: "conversations");

            migrationBuilder.DropTable(
                name: "rule_sets");

            migrationBuilder.DropIndex(
                name: "ix_workouts_local_date",
                table: "workouts");

            migrationBuilder.DropColumn(
                name: "ftp_used_watts",
                table: "workouts");

            migrationBuilder.DropColumn(
                name: "heart_rate_stress_score",
                table: "workouts");

            migrationBuilder.DropColumn(
                name: "heart_rate_zone_seconds",
                table: "workouts");

            migrationBuilder.DropColumn(
                name: "local_date",
                table: "workouts");

            migrationBuilder.DropColumn(
                name: "mean_max",
                table: "workouts");

            migrationBuilder.DropColumn(
                name: "power_zone_seconds",
                table: "workouts");

            migrationBuilder.DropColumn(
                name: "training_load",
                table: "workouts");

            migrationBuilder.DropColumn(
                name: "training_load_source",
                table: "workouts");
        }
    }
}
