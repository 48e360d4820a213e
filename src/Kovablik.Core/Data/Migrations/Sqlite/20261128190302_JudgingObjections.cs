using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kovablik.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JudgingObjections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "judging_objections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StageId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: true),
                    SubmittedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    SubmitterName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    FilterFindings = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolvedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ResolutionPublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_judging_objections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_judging_objections_judging_stages_StageId",
                        column: x => x.StageId,
                        principalTable: "judging_stages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_judging_objections_proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_judging_objections_ProposalId",
                table: "judging_objections",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_judging_objections_StageId_Status",
                table: "judging_objections",
                columns: new[] { "StageId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_judging_objections_SubmittedByUserId_SubmittedAt",
                table: "judging_objections",
                columns: new[] { "SubmittedByUserId", "SubmittedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "judging_objections");
        }
    }
}
