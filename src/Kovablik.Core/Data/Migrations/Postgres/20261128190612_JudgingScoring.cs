using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kovablik.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class JudgingScoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "scoring_reminders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StageId = table.Column<int>(type: "integer", nullable: false),
                    JurorId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scoring_reminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_scoring_reminders_judging_stages_StageId",
                        column: x => x.StageId,
                        principalTable: "judging_stages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_scoring_reminders_jurors_JurorId",
                        column: x => x.JurorId,
                        principalTable: "jurors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_scoring_reminders_JurorId",
                table: "scoring_reminders",
                column: "JurorId");

            migrationBuilder.CreateIndex(
                name: "IX_scoring_reminders_StageId_JurorId_Kind_Deadline",
                table: "scoring_reminders",
                columns: new[] { "StageId", "JurorId", "Kind", "Deadline" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "scoring_reminders");
        }
    }
}
