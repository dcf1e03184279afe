using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CyclingCoach.Sync.Data.Migrations
{
    /// <inheritdoc />
    public partial class PlanPush : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "plan_push_items",
                columns: table => new
                {
                    target = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    session_key = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    desired_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    remote_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    remote_schedule_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    remote_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    next_attempt_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    lease_until = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_push_items", x => new { x.target, x.session_key });
                });

            migrationBuilder.CreateTable(
                name: "plan_push_settings",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    intervals_icu_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    garmin_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: true),
                    plan_version = table.Column<int>(type: "integer", nullable: true),
                    plan_created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_push_settings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "planned_sessions",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    slot = table.Column<int>(type: "integer", nullable: false),
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    session = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_planned_sessions", x => x.key);
                });

            migrationBuilder.CreateIndex(
                name: "ix_plan_push_items_due",
                table: "plan_push_items",
                column: "next_attempt_at",
                filter: "status <> 'Pushed'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "plan_push_items");

            migrationBuilder.DropTable(
                name: "plan_push_settings");

            migrationBuilder.DropTable(
                name: "planned_sessions");
        }
    }
}
