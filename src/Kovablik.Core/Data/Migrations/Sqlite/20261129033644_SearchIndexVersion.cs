using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kovablik.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchIndexVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "search_index_version",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_search_index_version", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "search_index_version",
                columns: new[] { "Id", "Version" },
                values: new object[] { 1, 0L });

            // Triggers over innovation_search (not in the EF model) keep the count.
            foreach (var sql in Kovablik.Search.SearchSql.SqliteVersionCreate) migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in Kovablik.Search.SearchSql.SqliteVersionDrop) migrationBuilder.Sql(sql);
            migrationBuilder.DropTable(
                name: "search_index_version");
        }
    }
}
