using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CyclingCoach.Sync.Data.Migrations
{
    /// <inheritdoc />
    public partial class AveragePowerLoads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_workouts_thresholds_checked_version_with_streams",
                table: "workouts");

            migrationBuilder.AddColumn<double>(
                name: "average_power_ftp_watts",
                table: "workouts",
                type: "double precision",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_workouts_thresholds_checked_version_recomputable",
                table: "workouts",
                column: "thresholds_checked_version",
                filter: "has_streams OR average_power > 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_workouts_thresholds_checked_version_recomputable",
                table: "workouts");

            migrationBuilder.DropColumn(
                name: "average_power_ftp_watts",
                table: "workouts");

            migrationBuilder.CreateIndex(
                name: "ix_workouts_thresholds_checked_version_with_streams",
                table: "workouts",
                column: "thresholds_checked_version",
                filter: "has_streams");
        }
    }
}
