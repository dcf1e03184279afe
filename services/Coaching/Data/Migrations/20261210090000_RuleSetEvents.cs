using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CyclingCoach.Coaching.Data.Migrations
{
    /// <summary>
    /// Rule sets held one <c>targetEvent</c>; they now hold <c>events</c> with priorities. Stored rule sets keep their
    /// event as an A event (the schema of the column is the JSON, so the model does not change).
    /// </summary>
    [DbContext(typeof(CoachingDbContext))]
    [Migration("20261210090000_RuleSetEvents")]
    public partial class RuleSetEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE rule_sets
                SET rules = (rules - 'targetEvent') || jsonb_build_object('events',
                    CASE WHEN jsonb_typeof(rules->'targetEvent') = 'object'
                         THEN jsonb_build_array((rules->'targetEvent') || '{"priority":"a"}'::jsonb)
                         ELSE '[]'::jsonb END)
                WHERE rules ? 'targetEvent';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE rule_sets
                SET rules = (rules - 'events') || jsonb_build_object('targetEvent',
                    COALESCE((SELECT e - 'priority' FROM jsonb_array_elements(rules->'events') e WHERE e->>'priority' = 'a' LIMIT 1), 'null'::jsonb))
                WHERE rules ? 'events';
                """);
        }
    }
}
