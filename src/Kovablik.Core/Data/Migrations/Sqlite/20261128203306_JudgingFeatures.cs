using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kovablik.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JudgingFeatures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RemovedAssignments",
                table: "conflict_declarations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawalReason",
                table: "conflict_declarations",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WithdrawnByUserId",
                table: "conflict_declarations",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

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
                name: "field_visits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StageId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    ScheduledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Report = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReportedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ScheduledByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_field_visits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_field_visits_judging_stages_StageId",
                        column: x => x.StageId,
                        principalTable: "judging_stages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_field_visits_proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

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

            migrationBuilder.CreateTable(
                name: "presentation_slots",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StageId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PresentationMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    InterviewMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    MeetingUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    FallbackVenue = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConfirmedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ReminderSentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ScheduledByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_presentation_slots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_presentation_slots_judging_stages_StageId",
                        column: x => x.StageId,
                        principalTable: "judging_stages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_presentation_slots_proposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "proposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "scoring_reminders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StageId = table.Column<int>(type: "INTEGER", nullable: false),
                    JurorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Deadline = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "field_visit_photos",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VisitId = table.Column<int>(type: "INTEGER", nullable: false),
                    StorageKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OriginalFileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_field_visit_photos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_field_visit_photos_field_visits_VisitId",
                        column: x => x.VisitId,
                        principalTable: "field_visits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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

            migrationBuilder.CreateIndex(
                name: "IX_field_visit_photos_VisitId",
                table: "field_visit_photos",
                column: "VisitId");

            migrationBuilder.CreateIndex(
                name: "IX_field_visits_ProposalId",
                table: "field_visits",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_field_visits_StageId_ProposalId",
                table: "field_visits",
                columns: new[] { "StageId", "ProposalId" },
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_presentation_slots_ProposalId",
                table: "presentation_slots",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_presentation_slots_StageId_ProposalId",
                table: "presentation_slots",
                columns: new[] { "StageId", "ProposalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_presentation_slots_StartsAt",
                table: "presentation_slots",
                column: "StartsAt");

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
                name: "certificates");

            migrationBuilder.DropTable(
                name: "edition_award_adjustments");

            migrationBuilder.DropTable(
                name: "edition_award_grants");

            migrationBuilder.DropTable(
                name: "field_visit_photos");

            migrationBuilder.DropTable(
                name: "judging_objections");

            migrationBuilder.DropTable(
                name: "presentation_slots");

            migrationBuilder.DropTable(
                name: "scoring_reminders");

            migrationBuilder.DropTable(
                name: "edition_award_tiers");

            migrationBuilder.DropTable(
                name: "field_visits");

            migrationBuilder.DropColumn(
                name: "RemovedAssignments",
                table: "conflict_declarations");

            migrationBuilder.DropColumn(
                name: "WithdrawalReason",
                table: "conflict_declarations");

            migrationBuilder.DropColumn(
                name: "WithdrawnByUserId",
                table: "conflict_declarations");
        }
    }
}
