using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CyclingCoach.Coaching.Data.Migrations
{
    /// <inheritdoc />
    public partial class Reactions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "load_state",
                table: "workouts",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Counted");

            migrationBuilder.AddColumn<DateOnly>(
                name: "day",
                table: "analyses",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "reaction_offers",
                columns: table => new
                {
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    analysis_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reaction_offers", x => new { x.kind, x.key });
                    table.ForeignKey(
                        name: "fk_reaction_offers_analyses_analysis_id",
                        column: x => x.analysis_id,
                        principalTable: "analyses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            // The day each existing analysis is about: a ride's (its facts), a readiness morning's, else the day it was made.
            migrationBuilder.Sql("""
                UPDATE analyses a SET day = COALESCE(
                    (a.facts ->> 'date')::date,
                    (SELECT r.date FROM readiness_suggestions r WHERE r.analysis_id = a.id),
                    (SELECT w.local_date FROM workouts w WHERE w.workout_id = a.workout_id),
                    a.created_at::date);
                """);

            migrationBuilder.CreateIndex(
                name: "ix_analyses_day",
                table: "analyses",
                column: "day");

            migrationBuilder.CreateIndex(
                name: "ix_reaction_offers_analysis_id",
                table: "reaction_offers",
                column: "analysis_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "reaction_offers");

            migrationBuilder.DropIndex(
                name: "ix_analyses_day",
                table: "analyses");

            migrationBuilder.DropColumn(
                name: "load_state",
                table: "workouts");

            migrationBuilder.DropColumn(
                name: "day",
                table: "analyses");
        }
    }
}
