using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CyclingCoach.Sync.Data.Migrations
{
    /// <inheritdoc />
    public partial class ThresholdHistoryAndTrainingLoad : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "perceived_exertion",
                table: "workouts",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "thresholds_checked_version",
                table: "workouts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

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

            migrationBuilder.AddColumn<DateOnly>(
                name: "effective_from",
                table: "athlete_thresholds",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "resting_heart_rate_bpm",
                table: "athlete_thresholds",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "athlete_threshold_periods",
                columns: table => new
                {
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    ftp_watts = table.Column<double>(type: "double precision", nullable: true),
                    lactate_threshold_heart_rate_bpm = table.Column<int>(type: "integer", nullable: true),
                    max_heart_rate_bpm = table.Column<int>(type: "integer", nullable: true),
                    resting_heart_rate_bpm = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_athlete_threshold_periods", x => x.effective_from);
                });

            // The thresholds stored before periods existed become the one period from the beginning of time.
            migrationBuilder.Sql(
                """
                INSERT INTO athlete_threshold_periods (effective_from, ftp_watts, lactate_threshold_heart_rate_bpm, max_heart_rate_bpm)
                SELECT DATE '0001-01-01', ftp_watts, lactate_threshold_heart_rate_bpm, max_heart_rate_bpm FROM athlete_thresholds;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_workouts_thresholds_checked_version_with_streams",
                table: "workouts",
                column: "thresholds_checked_version",
                filter: "has_streams");

            migrationBuilder.CreateIndex(
                name: "ix_workouts_without_training_load",
                table: "workouts",
                column: "id",
                filter: "training_load_source IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "athlete_threshold_periods");

            migrationBuilder.DropIndex(
                name: "ix_workouts_thresholds_checked_version_with_streams",
                table: "workouts");

            migrationBuilder.DropIndex(
                name: "ix_workouts_without_training_load",
                table: "workouts");

            migrationBuilder.DropColumn(
                name: "perceived_exertion",
                table: "workouts");

            migrationBuilder.DropColumn(
                name: "thresholds_checked_version",
                table: "workouts");

            migrationBuilder.DropColumn(
                name: "training_load",
                table: "workouts");

            migrationBuilder.DropColumn(
                name: "training_load_source",
                table: "workouts");

            migrationBuilder.DropColumn(
                name: "effective_from",
                table: "athlete_thresholds");

            migrationBuilder.DropColumn(
                name: "resting_heart_rate_bpm",
                table: "athlete_thresholds");
        }
    }
}
