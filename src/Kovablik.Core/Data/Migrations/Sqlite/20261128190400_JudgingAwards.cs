using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kovablik.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JudgingAwards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "certificates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    InnovationAwardId = table.Column<int>(type: "INTEGER", nullable: false),
                    EditionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    RecipientName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    InnovationName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AwardTitle = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    EditionName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IssuedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RevokedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_certificates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_certificates_editions_EditionId",
                        column: x => x.EditionId,
                        principalTable: "editions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_certificates_innovation_awards_InnovationAwardId",
                        column: x => x.InnovationAwardId,
                        principalTable: "innovation_awards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "edition_award_tiers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EditionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Tier = table.Column<int>(type: "INTEGER", nullable: false),
                    Places = table.Column<int>(type: "INTEGER", nullable: true),
                    GroupCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_edition_award_tiers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_edition_award_tiers_editions_EditionId",
                        column: x => x.EditionId,
                        principalTable: "editions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "edition_award_adjustments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EditionId = table.Column<int>(type: "INTEGER", nullable: false),
                    TierId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DecidedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_edition_award_adjustments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_edition_award_adjustments_edition_award_tiers_TierId",
                        column: x => x.TierId,
                        principalTable: "edition_award_tiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_edition_award_adjustments_proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "edition_award_grants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EditionId = table.Column<int>(type: "INTEGER", nullable: false),
                    TierId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    InnovationAwardId = table.Column<int>(type: "INTEGER", nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DecidedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_edition_award_grants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_edition_award_grants_edition_award_tiers_TierId",
                        column: x => x.TierId,
                        principalTable: "edition_award_tiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_edition_award_grants_editions_EditionId",
                        column: x => x.EditionId,
                        principalTable: "editions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_edition_award_grants_innovation_awards_InnovationAwardId",
                        column: x => x.InnovationAwardId,
                        principalTable: "innovation_awards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_edition_award_grants_proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_certificates_Code",
                table: "certificates",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_certificates_EditionId",
                table: "certificates",
                column: "EditionId");

            migrationBuilder.CreateIndex(
                name: "IX_certificates_InnovationAwardId",
                table: "certificates",
                column: "InnovationAwardId");

            migrationBuilder.CreateIndex(
                name: "IX_edition_award_adjustments_EditionId_TierId_ProposalId",
                table: "edition_award_adjustments",
                columns: new[] { "EditionId", "TierId", "ProposalId" });

            migrationBuilder.CreateIndex(
                name: "IX_edition_award_adjustments_ProposalId",
                table: "edition_award_adjustments",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_edition_award_adjustments_TierId",
                table: "edition_award_adjustments",
                column: "TierId");

            migrationBuilder.CreateIndex(
                name: "IX_edition_award_grants_EditionId",
                table: "edition_award_grants",
                column: "EditionId");

            migrationBuilder.CreateIndex(
                name: "IX_edition_award_grants_InnovationAwardId",
                table: "edition_award_grants",
                column: "InnovationAwardId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_edition_award_grants_ProposalId",
                table: "edition_award_grants",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_edition_award_grants_TierId_ProposalId",
                table: "edition_award_grants",
                columns: new[] { "TierId", "ProposalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_edition_award_tiers_EditionId_Order",
                table: "edition_award_tiers",
                columns: new[] { "EditionId", "Order" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "certificates");

            migrationBuilder.DropTable(
                name: "edition_award_adjustments");

            migrationBuilder.DropTable(
                name: "edition_award_grants");

            migrationBuilder.DropTable(
                name: "edition_award_tiers");
        }
    }
}
