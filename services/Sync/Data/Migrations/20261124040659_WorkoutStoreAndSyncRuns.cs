using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CyclingCoach.Sync.Data.Migrations
{
    /// <inheritdoc />
    public partial class WorkoutStoreAndSyncRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "activity_type",
                table: "workouts",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "average_cadence",
                table: "workouts",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "calories",
                table: "workouts",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "elevation_gain_meters",
                table: "workouts",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "file_format",
                table: "workouts",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "file_sha256",
                table: "workouts",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "file_size_bytes",
                table: "workouts",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "has_streams",
                table: "workouts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "imported_by_run_id",
                table: "workouts",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "max_heart_rate",
                table: "workouts",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "max_power",
                table: "workouts",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "metrics",
                table: "workouts",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "moving_seconds",
                table: "workouts",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "raw_source_json",
                table: "workouts",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "updated_at",
                table: "workouts",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.CreateTable(
                name: "athlete_thresholds",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    ftp_watts = table.Column<double>(type: "double precision", nullable: true),
                    lactate_threshold_heart_rate_bpm = table.Column<int>(type: "integer", nullable: true),
                    max_heart_rate_bpm = table.Column<int>(type: "integer", nullable: true),
                    weight_kg = table.Column<double>(type: "double precision", nullable: true),
                    changed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_athlete_thresholds", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "intervals_icu_connections",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    athlete_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    api_key = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    key_protected = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_intervals_icu_connections", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sync_runs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    trigger = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    window_from_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    window_to_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    found = table.Column<int>(type: "integer", nullable: false),
                    imported = table.Column<int>(type: "integer", nullable: false),
                    skipped = table.Column<int>(type: "integer", nullable: false),
                    failed = table.Column<int>(type: "integer", nullable: false),
                    error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    lease_owner = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    lease_expires_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sync_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "workout_aliases",
                columns: table => new
                {
                    source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    source_activity_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    workout_id = table.Column<Guid>(type: "uuid", nullable: false),
                    raw_source_json = table.Column<string>(type: "jsonb", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workout_aliases", x => new { x.source, x.source_activity_id });
                    table.ForeignKey(
                        name: "fk_workout_aliases_workouts_workout_id",
                        column: x => x.workout_id,
                        principalTable: "workouts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "workout_streams",
                columns: table => new
                {
                    workout_id = table.Column<Guid>(type: "uuid", nullable: false),
                    start_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    length = table.Column<int>(type: "integer", nullable: false),
                    power = table.Column<float[]>(type: "real[]", nullable: true),
                    heart_rate = table.Column<float[]>(type: "real[]", nullable: true),
                    cadence = table.Column<float[]>(type: "real[]", nullable: true),
                    speed = table.Column<float[]>(type: "real[]", nullable: true),
                    altitude = table.Column<float[]>(type: "real[]", nullable: true),
                    distance = table.Column<float[]>(type: "real[]", nullable: true),
                    latitude = table.Column<double[]>(type: "double precision[]", nullable: true),
                    longitude = table.Column<double[]>(type: "double precision[]", nullable: true),
                    recorded = table.Column<bool[]>(type: "boolean[]", nullable: false),
                    moving = table.Column<bool[]>(type: "boolean[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workout_streams", x => x.workout_id);
                    table.ForeignKey(
                        name: "fk_workout_streams_workouts_workout_id",
                        column: x => x.workout_id,
                        principalTable: "workouts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_workouts_file_sha256",
                table: "workouts",
                column: "file_sha256");

            migrationBuilder.CreateIndex(
                name: "ix_workouts_imported_by_run_id",
                table: "workouts",
                column: "imported_by_run_id",
                filter: "imported_by_run_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_sync_runs_source_created_at",
                table: "sync_runs",
                columns: new[] { "source", "created_at" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ux_sync_runs_one_in_progress_per_source",
                table: "sync_runs",
                column: "source",
                unique: true,
                filter: "status = 'InProgress'");

            migrationBuilder.CreateIndex(
                name: "ix_workout_aliases_workout_id",
                table: "workout_aliases",
                column: "workout_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "athlete_thresholds");

            migrationBuilder.DropTable(
                name: "intervals_icu_connections");

            migrationBuilder.DropTable(
                name: "sync_runs");

            migrationBuilder.DropTable(
                name: "workout_aliases");

            migrationBuilder.DropTable(
                name: "workout_streams");

            migrationBuilder.DropIndex(
                name: "ix_workouts_file_sha256",
                table: "workouts");

            migrationBuilder.DropIndex(
                name: "ix_workouts_imported_by_run_id",
                table: "workouts");

            migrationBuilder.DropColumn(
                name: "activity_type",
                table: "workouts");

            migrationBuilder.DropColumn(
                name: "average_cadence",
                table: "workouts");

            migrationBuilder.DropColumn(
                name: "calories",
                table: "workouts");

            migrationBuilder.DropColumn(
                name: "elevation_gain_meters",
                table: "workouts");

            migrationBuilder.DropColumn(
                name: "file_format",
                table: "workouts");

            migrationBuilder.DropColumn(
                name: "file_sha256",
                table: "workouts");

            migrationBuilder.DropColumn(
                name: "file_size_bytes",
                table: "workouts");

            migrationBuilder.DropColumn(
                name: "has_streams",
                table: "workouts");

            migrationBuilder.DropColumn(
                name: "imported_by_run_id",
                table: "workouts");

            migrationBuilder.DropColumn(
                name: "max_heart_rate",
                table: "workouts");

            migrationBuilder.DropColumn(
                name: "max_power",
                table: "workouts");

            migrationBuilder.DropColumn(
                name: "metrics",
                table: "workouts");

            migrationBuilder.DropColumn(
                name: "moving_seconds",
                table: "workouts");

            migrationBuilder.DropColumn(
                name: "raw_source_json",
                table: "workouts");

            migrationBuilder.DropColumn(
                name: "updated_at",
                table: "workouts");
        }
    }
}
