using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CyclingCoach.Sync.Data.Migrations
{
    /// <inheritdoc />
    public partial class StreamSourceAndLaps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "laps",
                table: "workouts",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "stream_source",
                table: "workouts",
                type: "character varying(24)",
                maxLength: 24,
                nullable: false,
                defaultValue: "none");

            // Until now only an original file gave a ride streams.
            migrationBuilder.Sql("UPDATE workouts SET stream_source = 'original_file' WHERE has_streams;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "laps",
                table: "workouts");

            migrationBuilder.DropColumn(
                name: "stream_source",
                table: "workouts");
        }
    }
}
