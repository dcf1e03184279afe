using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CyclingCoach.Sync.Data.Migrations
{
    /// <summary>
    /// A power, cadence or heart-rate channel with no sample above 0 is absent (RideStreams.HasPower): rides stored
    /// before that rule keep such a channel and metrics from it (NP 0 W, TSS ≈ 0 as the ride's load). This drops those
    /// stored channels (a flat 0 W chart is no measurement; the original file is kept) and marks the rides
    /// <c>metrics_outdated</c>, which the threshold recompute worker recomputes once from the remaining streams.
    /// Idempotent: a second run finds no such channel.
    /// </summary>
    public partial class AbsentZeroChannels : Migration
    {
        /// <summary>The data step (tests run it on rides written the old way). NaN is above every number in PostgreSQL, hence "&lt;&gt; 'NaN'".</summary>
        public const string DropZeroChannelsSql = """
            UPDATE workouts w SET metrics_outdated = true
            FROM workout_streams s
            WHERE s.workout_id = w.id AND (
                (s.power IS NOT NULL AND NOT EXISTS (SELECT 1 FROM unnest(s.power) v WHERE v > 0 AND v <> 'NaN'))
                OR (s.heart_rate IS NOT NULL AND NOT EXISTS (SELECT 1 FROM unnest(s.heart_rate) v WHERE v > 0 AND v <> 'NaN'))
                OR (s.cadence IS NOT NULL AND NOT EXISTS (SELECT 1 FROM unnest(s.cadence) v WHERE v > 0 AND v <> 'NaN')));
            UPDATE workout_streams SET power = NULL
            WHERE power IS NOT NULL AND NOT EXISTS (SELECT 1 FROM unnest(power) v WHERE v > 0 AND v <> 'NaN');
            UPDATE workout_streams SET heart_rate = NULL
            WHERE heart_rate IS NOT NULL AND NOT EXISTS (SELECT 1 FROM unnest(heart_rate) v WHERE v > 0 AND v <> 'NaN');
            UPDATE workout_streams SET cadence = NULL
            WHERE cadence IS NOT NULL AND NOT EXISTS (SELECT 1 FROM unnest(cadence) v WHERE v > 0 AND v <> 'NaN');
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "metrics_outdated",
                table: "workouts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "ix_workouts_metrics_outdated",
                table: "workouts",
                column: "metrics_outdated",
                filter: "metrics_outdated");

            migrationBuilder.Sql(DropZeroChannelsSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_workouts_metrics_outdated",
                table: "workouts");

            migrationBuilder.DropColumn(
                name: "metrics_outdated",
                table: "workouts");
        }
    }
}
