using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kovablik.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "innovation_search",
                columns: table => new
                {
                    InnovationId = table.Column<int>(type: "INTEGER", nullable: false),
                    NameTerms = table.Column<string>(type: "TEXT", nullable: false),
                    BodyTerms = table.Column<string>(type: "TEXT", nullable: false),
                    StemmerVersion = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_innovation_search", x => x.InnovationId);
                    table.ForeignKey(
                        name: "FK_innovation_search_innovations_InnovationId",
                        column: x => x.InnovationId,
                        principalTable: "innovations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Full-text structures over the table (not in the EF model); existing rows are indexed at start-up
            // by InnovationSearchIndex.RebuildStaleAsync, which runs the stemmer.
            foreach (var sql in Kovablik.Search.SearchSql.SqliteCreate) migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in Kovablik.Search.SearchSql.SqliteDrop) migrationBuilder.Sql(sql);
            migrationBuilder.DropTable(
                name: "innovation_search");
        }
    }
}
