using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CyclingCoach.Coaching.Data.Migrations
{
    /// <inheritdoc />
    public partial class Wellness : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "readiness_suggestions",
                columns: table => new
                {
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    analysis_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_readiness_suggestions", x => x.date);
                    table.ForeignKey(
                        name: "fk_readiness_suggestions_analyses_analysis_id",
                        column: x => x.analysis_id,
                        principalTable: "analyses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "wellness_days",
                columns: table => new
                {
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    metrics = table.Column<string>(type: "jsonb", nullable: false),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wellness_days", x => new { x.date, x.source });
                });

            migrationBuilder.CreateIndex(
                name: "ix_readiness_suggestions_analysis_id",
                table: "readiness_suggestions",
                column: "analysis_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "readiness_suggestions");

            migrationBuilder.DropTable(
                name: "wellness_days");
        }
    }
}
