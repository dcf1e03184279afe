using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CyclingCoach.Routes.Data.Migrations
{
    /// <inheritdoc />
    public partial class RouteAnalysisAndProfile : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "analyzed_at",
                table: "routes",
                type: "timestamp with time zone",
                nullable: false,
                defaultValueSql: "now()");

            migrationBuilder.AddColumn<double>(
                name: "elevation_loss_meters",
                table: "routes",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "estimated_seconds",
                table: "routes",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<long>(
                name: "file_size_bytes",
                table: "routes",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<double>(
                name: "max_elevation_meters",
                table: "routes",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "max_grade_percent",
                table: "routes",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "min_elevation_meters",
                table: "routes",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "point_count",
                table: "routes",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "profile_json",
                table: "routes",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<int>(
                name: "profile_version",
                table: "routes",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "track_geo_json",
                table: "routes",
                type: "jsonb",
                nullable: false,
                defaultValue: "{\"type\":\"LineString\",\"coordinates\":[]}");

            migrationBuilder.AddColumn<string>(
                name: "warnings_json",
                table: "routes",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateTable(
                name: "rider_profile",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    ftp_watts = table.Column<double>(type: "double precision", nullable: true),
                    rider_mass_kg = table.Column<double>(type: "double precision", nullable: true),
                    bike_mass_kg = table.Column<double>(type: "double precision", nullable: true),
                    cd_a = table.Column<double>(type: "double precision", nullable: true),
                    crr = table.Column<double>(type: "double precision", nullable: true),
                    wheel_circumference_meters = table.Column<double>(type: "double precision", nullable: true),
                    chainrings = table.Column<int[]>(type: "integer[]", nullable: true),
                    cassette = table.Column<int[]>(type: "integer[]", nullable: true),
                    min_cadence_rpm = table.Column<double>(type: "double precision", nullable: true),
                    changed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    received_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rider_profile", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "route_sections",
                columns: table => new
                {
                    route_id = table.Column<Guid>(type: "uuid", nullable: false),
                    index = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    start_meters = table.Column<double>(type: "double precision", nullable: false),
                    end_meters = table.Column<double>(type: "double precision", nullable: false),
                    distance_meters = table.Column<double>(type: "double precision", nullable: false),
                    start_elevation_meters = table.Column<double>(type: "double precision", nullable: true),
                    end_elevation_meters = table.Column<double>(type: "double precision", nullable: true),
                    average_grade_percent = table.Column<double>(type: "double precision", nullable: true),
                    max_sustained_grade_percent = table.Column<double>(type: "double precision", nullable: true),
                    elevation_gain_meters = table.Column<double>(type: "double precision", nullable: true),
                    elevation_loss_meters = table.Column<double>(type: "double precision", nullable: true),
                    climb_score = table.Column<double>(type: "double precision", nullable: true),
                    climb_category = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    fiets_index = table.Column<double>(type: "double precision", nullable: true),
                    target_power_watts = table.Column<double>(type: "double precision", nullable: false),
                    estimated_seconds = table.Column<double>(type: "double precision", nullable: false),
                    average_speed_mps = table.Column<double>(type: "double precision", nullable: false),
                    chainring_teeth = table.Column<int>(type: "integer", nullable: true),
                    cog_teeth = table.Column<int>(type: "integer", nullable: true),
                    gear_ratio = table.Column<double>(type: "double precision", nullable: true),
                    required_ratio = table.Column<double>(type: "double precision", nullable: true),
                    gear_grade_percent = table.Column<double>(type: "double precision", nullable: true),
                    gear_speed_mps = table.Column<double>(type: "double precision", nullable: true),
                    cadence_rpm = table.Column<double>(type: "double precision", nullable: true),
                    holds_minimum_cadence = table.Column<bool>(type: "boolean", nullable: true),
                    power_for_minimum_cadence_watts = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_route_sections", x => new { x.route_id, x.index });
                    table.ForeignKey(
                        name: "fk_route_sections_routes_route_id",
                        column: x => x.route_id,
                        principalTable: "routes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "rider_profile",
                columns: new[] { "id", "bike_mass_kg", "cassette", "cd_a", "chainrings", "changed_at", "crr", "ftp_watts", "min_cadence_rpm", "received_at", "rider_mass_kg", "version", "wheel_circumference_meters" },
                values: new object[] { 1, null, null, null, null, null, null, null, null, null, null, 0, null });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rider_profile");

            migrationBuilder.DropTable(
                name: "route_sections");

            migrationBuilder.DropColumn(
                name: "analyzed_at",
                table: "routes");

            migrationBuilder.DropColumn(
                name: "elevation_loss_meters",
                table: "routes");

            migrationBuilder.DropColumn(
                name: "estimated_seconds",
                table: "routes");

            migrationBuilder.DropColumn(
                name: "file_size_bytes",
                table: "routes");

            migrationBuilder.DropColumn(
                name: "max_elevation_meters",
                table: "routes");

            migrationBuilder.DropColumn(
                name: "max_grade_percent",
                table: "routes");

            migrationBuilder.DropColumn(
                name: "min_elevation_meters",
                table: "routes");

            migrationBuilder.DropColumn(
                name: "point_count",
                table: "routes");

            migrationBuilder.DropColumn(
                name: "profile_json",
                table: "routes");

            migrationBuilder.DropColumn(
                name: "profile_version",
                table: "routes");

            migrationBuilder.DropColumn(
                name: "track_geo_json",
                table: "routes");

            migrationBuilder.DropColumn(
                name: "warnings_json",
                table: "routes");
        }
    }
}
