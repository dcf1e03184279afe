using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CyclingCoach.Coaching.Data.Migrations
{
    /// <inheritdoc />
    public partial class AnalysisRevision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "revision",
                table: "analyses",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "revision",
                table: "analyses");
        }
    }
}
