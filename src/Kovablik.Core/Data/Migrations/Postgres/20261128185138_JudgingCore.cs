using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Kovablik.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EditionId = table.Column<int>(type: "integer", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    RubricJson = table.Column<string>(type: "text", nullable: true),
                    Method = table.Column<int>(type: "integer", nullable: false),
                    TrimPerSide = table.Column<int>(type: "integer", nullable: false),
                    PreviousStageWeight = table.Column<double>(type: "double precision", nullable: false),
                    JurorsPerProposal = table.Column<int>(type: "integer", nullable: false),
                    PeerScoresVisibleAfterSubmit = table.Column<bool>(type: "boolean", nullable: false),
                    ScoringOpensAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ScoringDeadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    TieBreaksJson = table.Column<string>(type: "text", nullable: false),
                    CutTopN = table.Column<int>(type: "integer", nullable: true),
                    CutPassingGrade = table.Column<double>(type: "double precision", nullable: true),
                    ClusterMixJson = table.Column<string>(type: "text", nullable: false),
                    FrozenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FrozenByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Publication = table.Column<int>(type: "integer", nullable: false),
                    ResultsPublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ObjectionDays = table.Column<int>(type: "integer", nullable: false),
                    ObjectionsCloseAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PresentationMinutes = table.Column<int>(type: "integer", nullable: false),
                    InterviewMinutes = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EditionId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: true),
                    LoadLimit = table.Column<int>(type: "integer", nullable: true),
                    Panels = table.Column<List<string>>(type: "text[]", nullable: false),
                    ReadingFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReadingUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeclarationCompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StageId = table.Column<int>(type: "integer", nullable: false),
                    ProposalId = table.Column<int>(type: "integer", nullable: false),
                    Action = table.Column<int>(type: "integer", nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DecidedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StageId = table.Column<int>(type: "integer", nullable: false),
                    ProposalId = table.Column<int>(type: "integer", nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: false),
                    RawMean = table.Column<double>(type: "double precision", nullable: false),
                    JurorCount = table.Column<int>(type: "integer", nullable: false),
                    Passed = table.Column<bool>(type: "boolean", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Cluster = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EditionId = table.Column<int>(type: "integer", nullable: false),
                    JurorId = table.Column<int>(type: "integer", nullable: false),
                    ProposalId = table.Column<int>(type: "integer", nullable: true),
                    OrganisationId = table.Column<int>(type: "integer", nullable: true),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    DeclaredByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    DeclaredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StageId = table.Column<int>(type: "integer", nullable: false),
                    JurorId = table.Column<int>(type: "integer", nullable: false),
                    ProposalId = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AssignedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StageId = table.Column<int>(type: "integer", nullable: false),
                    JurorId = table.Column<int>(type: "integer", nullable: false),
                    ProposalId = table.Column<int>(type: "integer", nullable: false),
                    ScoresJson = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    CommentsJson = table.Column<string>(type: "character varying(40000)", maxLength: 40000, nullable: false),
                    OverallComment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Total = table.Column<double>(type: "double precision", nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
