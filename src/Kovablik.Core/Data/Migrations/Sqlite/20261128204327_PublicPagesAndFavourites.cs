using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kovablik.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PublicPagesAndFavourites : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FavouriteVotes",
                table: "innovations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "innovation_pages",
                columns: table => new
                {
                    InnovationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    RendererVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    SectionsJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_innovation_pages", x => x.InnovationId);
                    table.ForeignKey(
                        name: "FK_innovation_pages_innovations_InnovationId",
                        column: x => x.InnovationId,
                        principalTable: "innovations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_innovations_FavouriteVotes_PublishedAt_Id",
                table: "innovations",
                columns: new[] { "FavouriteVotes", "PublishedAt", "Id" });

            // Votes cast before the counter existed.
            migrationBuilder.Sql(Kovablik.Exhibitions.ExhibitionVoting.BackfillFavouriteVotesSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "innovation_pages");

            migrationBuilder.DropIndex(
                name: "IX_innovations_FavouriteVotes_PublishedAt_Id",
                table: "innovations");

            migrationBuilder.DropColumn(
                name: "FavouriteVotes",
                table: "innovations");
        }
    }
}
