using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kovablik.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Exhibitions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "exhibitions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Venue = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    VotingOpensAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    VotingClosesAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    MaxVotesPerPerson = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    IpSalt = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exhibitions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "visitor_codes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Salt = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    UsedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    IpHash = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_visitor_codes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "exhibition_booths",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ExhibitionId = table.Column<int>(type: "integer", nullable: false),
                    InnovationId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Hall = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exhibition_booths", x => x.Id);
                    table.ForeignKey(
                        name: "FK_exhibition_booths_exhibitions_ExhibitionId",
                        column: x => x.ExhibitionId,
                        principalTable: "exhibitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_exhibition_booths_innovations_InnovationId",
                        column: x => x.InnovationId,
                        principalTable: "innovations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "exhibition_booth_visits",
                columns: table => new
                {
                    BoothId = table.Column<int>(type: "integer", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exhibition_booth_visits", x => new { x.BoothId, x.Day });
                    table.ForeignKey(
                        name: "FK_exhibition_booth_visits_exhibition_booths_BoothId",
                        column: x => x.BoothId,
                        principalTable: "exhibition_booths",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "exhibition_votes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ExhibitionId = table.Column<int>(type: "integer", nullable: false),
                    BoothId = table.Column<int>(type: "integer", nullable: false),
                    InnovationId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CastAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IpHash = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exhibition_votes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_exhibition_votes_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_exhibition_votes_exhibition_booths_BoothId",
                        column: x => x.BoothId,
                        principalTable: "exhibition_booths",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_exhibition_votes_exhibitions_ExhibitionId",
                        column: x => x.ExhibitionId,
                        principalTable: "exhibitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_exhibition_booths_ExhibitionId_InnovationId",
                table: "exhibition_booths",
                columns: new[] { "ExhibitionId", "InnovationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_exhibition_booths_ExhibitionId_Number",
                table: "exhibition_booths",
                columns: new[] { "ExhibitionId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_exhibition_booths_InnovationId",
                table: "exhibition_booths",
                column: "InnovationId");

            migrationBuilder.CreateIndex(
                name: "IX_exhibition_votes_BoothId",
                table: "exhibition_votes",
                column: "BoothId");

            migrationBuilder.CreateIndex(
                name: "IX_exhibition_votes_ExhibitionId_InnovationId_UserId",
                table: "exhibition_votes",
                columns: new[] { "ExhibitionId", "InnovationId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_exhibition_votes_UserId_ExhibitionId",
                table: "exhibition_votes",
                columns: new[] { "UserId", "ExhibitionId" });

            migrationBuilder.CreateIndex(
                name: "IX_exhibitions_Slug",
                table: "exhibitions",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_visitor_codes_Email_CreatedAt",
                table: "visitor_codes",
                columns: new[] { "Email", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_visitor_codes_IpHash_CreatedAt",
                table: "visitor_codes",
                columns: new[] { "IpHash", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "exhibition_booth_visits");

            migrationBuilder.DropTable(
                name: "exhibition_votes");

            migrationBuilder.DropTable(
                name: "visitor_codes");

            migrationBuilder.DropTable(
                name: "exhibition_booths");

            migrationBuilder.DropTable(
                name: "exhibitions");
        }
    }
}
