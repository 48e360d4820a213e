using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kovablik.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JudgingCore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "judging_stages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EditionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RubricJson = table.Column<string>(type: "TEXT", nullable: true),
                    Method = table.Column<int>(type: "INTEGER", nullable: false),
                    TrimPerSide = table.Column<int>(type: "INTEGER", nullable: false),
                    PreviousStageWeight = table.Column<double>(type: "REAL", nullable: false),
                    JurorsPerProposal = table.Column<int>(type: "INTEGER", nullable: false),
                    PeerScoresVisibleAfterSubmit = table.Column<bool>(type: "INTEGER", nullable: false),
                    ScoringOpensAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ScoringDeadline = table.Column<long>(type: "INTEGER", nullable: true),
                    TieBreaksJson = table.Column<string>(type: "TEXT", nullable: false),
                    CutTopN = table.Column<int>(type: "INTEGER", nullable: true),
                    CutPassingGrade = table.Column<double>(type: "REAL", nullable: true),
                    ClusterMixJson = table.Column<string>(type: "TEXT", nullable: false),
                    FrozenAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FrozenByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Publication = table.Column<int>(type: "INTEGER", nullable: false),
                    ResultsPublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ObjectionDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ObjectionsCloseAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PresentationMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    InterviewMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_judging_stages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_judging_stages_editions_EditionId",
                        column: x => x.EditionId,
                        principalTable: "editions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "jurors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EditionId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: true),
                    LoadLimit = table.Column<int>(type: "INTEGER", nullable: true),
                    Panels = table.Column<string>(type: "TEXT", nullable: false),
                    ReadingFrom = table.Column<long>(type: "INTEGER", nullable: true),
                    ReadingUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    DeclarationCompletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_jurors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_jurors_editions_EditionId",
                        column: x => x.EditionId,
                        principalTable: "editions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_jurors_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "plenary_decisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StageId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DecidedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_plenary_decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_plenary_decisions_judging_stages_StageId",
                        column: x => x.StageId,
                        principalTable: "judging_stages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_plenary_decisions_proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "stage_results",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StageId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    RawMean = table.Column<double>(type: "REAL", nullable: false),
                    JurorCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Passed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Cluster = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stage_results", x => x.Id);
                    table.ForeignKey(
                        name: "FK_stage_results_judging_stages_StageId",
                        column: x => x.StageId,
                        principalTable: "judging_stages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_stage_results_proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "conflict_declarations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EditionId = table.Column<int>(type: "INTEGER", nullable: false),
                    JurorId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: true),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: true),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DeclaredByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DeclaredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_conflict_declarations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_conflict_declarations_jurors_JurorId",
                        column: x => x.JurorId,
                        principalTable: "jurors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_conflict_declarations_organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_conflict_declarations_proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "juror_assignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StageId = table.Column<int>(type: "INTEGER", nullable: false),
                    JurorId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    AssignedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AssignedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_juror_assignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_juror_assignments_judging_stages_StageId",
                        column: x => x.StageId,
                        principalTable: "judging_stages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_juror_assignments_jurors_JurorId",
                        column: x => x.JurorId,
                        principalTable: "jurors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_juror_assignments_proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "juror_scores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StageId = table.Column<int>(type: "INTEGER", nullable: false),
                    JurorId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    ScoresJson = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    CommentsJson = table.Column<string>(type: "TEXT", maxLength: 40000, nullable: false),
                    OverallComment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<double>(type: "REAL", nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_juror_scores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_juror_scores_judging_stages_StageId",
                        column: x => x.StageId,
                        principalTable: "judging_stages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_juror_scores_jurors_JurorId",
                        column: x => x.JurorId,
                        principalTable: "jurors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_juror_scores_proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_conflict_declarations_EditionId_JurorId",
                table: "conflict_declarations",
                columns: new[] { "EditionId", "JurorId" });

            migrationBuilder.CreateIndex(
                name: "IX_conflict_declarations_JurorId",
                table: "conflict_declarations",
                column: "JurorId");

            migrationBuilder.CreateIndex(
                name: "IX_conflict_declarations_OrganisationId",
                table: "conflict_declarations",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_conflict_declarations_ProposalId",
                table: "conflict_declarations",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_judging_stages_EditionId_Order",
                table: "judging_stages",
                columns: new[] { "EditionId", "Order" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_juror_assignments_JurorId",
                table: "juror_assignments",
                column: "JurorId");

            migrationBuilder.CreateIndex(
                name: "IX_juror_assignments_ProposalId",
                table: "juror_assignments",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_juror_assignments_StageId_JurorId_ProposalId",
                table: "juror_assignments",
                columns: new[] { "StageId", "JurorId", "ProposalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_juror_assignments_StageId_ProposalId",
                table: "juror_assignments",
                columns: new[] { "StageId", "ProposalId" });

            migrationBuilder.CreateIndex(
                name: "IX_juror_scores_JurorId",
                table: "juror_scores",
                column: "JurorId");

            migrationBuilder.CreateIndex(
                name: "IX_juror_scores_ProposalId",
                table: "juror_scores",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_juror_scores_StageId_JurorId_ProposalId",
                table: "juror_scores",
                columns: new[] { "StageId", "JurorId", "ProposalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_juror_scores_StageId_ProposalId",
                table: "juror_scores",
                columns: new[] { "StageId", "ProposalId" });

            migrationBuilder.CreateIndex(
                name: "IX_jurors_EditionId_UserId",
                table: "jurors",
                columns: new[] { "EditionId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_jurors_OrganisationId",
                table: "jurors",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_jurors_UserId",
                table: "jurors",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_plenary_decisions_ProposalId",
                table: "plenary_decisions",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_plenary_decisions_StageId_ProposalId",
                table: "plenary_decisions",
                columns: new[] { "StageId", "ProposalId" });

            migrationBuilder.CreateIndex(
                name: "IX_stage_results_ProposalId",
                table: "stage_results",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_stage_results_StageId_ProposalId",
                table: "stage_results",
                columns: new[] { "StageId", "ProposalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_stage_results_StageId_Rank",
                table: "stage_results",
                columns: new[] { "StageId", "Rank" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "conflict_declarations");

            migrationBuilder.DropTable(
                name: "juror_assignments");

            migrationBuilder.DropTable(
                name: "juror_scores");

            migrationBuilder.DropTable(
                name: "plenary_decisions");

            migrationBuilder.DropTable(
                name: "stage_results");

            migrationBuilder.DropTable(
                name: "jurors");

            migrationBuilder.DropTable(
                name: "judging_stages");
        }
    }
}
