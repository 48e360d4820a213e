namespace Kovablik.Search;

/// <summary>
/// The provider SQL of the innovation search, in one place: the migrations call the DDL, and
/// <see cref="InnovationSearch"/> the queries. Both databases index the same pre-stemmed terms
/// (<see cref="InnovationSearchEntry"/>) and only split them on spaces, so they match the same innovations.
/// See docs/decisions/0007-indonesian-search.md.
/// </summary>
public static class SearchSql
{
    /// <summary>bm25 column weights (name, body): a name match outranks a body match.</summary>
    public const double SqliteNameWeight = 10.0, SqliteBodyWeight = 1.0;

    // External-content FTS5 table over innovation_search (rowid = InnovationId), kept in step by triggers.
    // unicode61 with remove_diacritics 2 only splits on spaces here: the terms are already folded and stemmed.
    public static readonly string[] SqliteCreate =
    [
        """
        CREATE VIRTUAL TABLE innovation_search_fts USING fts5(
            "NameTerms", "BodyTerms",
            content='innovation_search', content_rowid='InnovationId',
            tokenize='unicode61 remove_diacritics 2');
        """,
        """
        CREATE TRIGGER innovation_search_ai AFTER INSERT ON innovation_search BEGIN
            INSERT INTO innovation_search_fts(rowid, "NameTerms", "BodyTerms") VALUES (new."InnovationId", new."NameTerms", new."BodyTerms");
        END;
        """,
        """
        CREATE TRIGGER innovation_search_ad AFTER DELETE ON innovation_search BEGIN
            INSERT INTO innovation_search_fts(innovation_search_fts, rowid, "NameTerms", "BodyTerms") VALUES ('delete', old."InnovationId", old."NameTerms", old."BodyTerms");
        END;
        """,
        """
        CREATE TRIGGER innovation_search_au AFTER UPDATE ON innovation_search BEGIN
            INSERT INTO innovation_search_fts(innovation_search_fts, rowid, "NameTerms", "BodyTerms") VALUES ('delete', old."InnovationId", old."NameTerms", old."BodyTerms");
            INSERT INTO innovation_search_fts(rowid, "NameTerms", "BodyTerms") VALUES (new."InnovationId", new."NameTerms", new."BodyTerms");
        END;
        """,
        "INSERT INTO innovation_search_fts(innovation_search_fts) VALUES ('rebuild');",
    ];

    public static readonly string[] SqliteDrop =
    [
        "DROP TRIGGER IF EXISTS innovation_search_ai;",
        "DROP TRIGGER IF EXISTS innovation_search_ad;",
        "DROP TRIGGER IF EXISTS innovation_search_au;",
        "DROP TABLE IF EXISTS innovation_search_fts;",
    ];

    // A stored tsvector over the same terms with the 'simple' configuration (lower-case, no stemming, no stop
    // words: our code did all three), name weighted A and body B, and a GIN index.
    public static readonly string[] PostgresCreate =
    [
        """
        ALTER TABLE innovation_search ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
            setweight(to_tsvector('simple'::regconfig, "NameTerms"), 'A') ||
            setweight(to_tsvector('simple'::regconfig, "BodyTerms"), 'B')) STORED;
        """,
        """CREATE INDEX "IX_innovation_search_SearchVector" ON innovation_search USING GIN ("SearchVector");""",
    ];

    public static readonly string[] PostgresDrop =
    [
        """DROP INDEX IF EXISTS "IX_innovation_search_SearchVector";""",
        """ALTER TABLE innovation_search DROP COLUMN IF EXISTS "SearchVector";""",
    ];

    // search_index_version counts every change to innovation_search (SearchIndexVersion); the count only has to move.
    public static readonly string[] SqliteVersionCreate =
    [
        """CREATE TRIGGER innovation_search_version_ai AFTER INSERT ON innovation_search BEGIN UPDATE search_index_version SET "Version" = "Version" + 1 WHERE "Id" = 1; END;""",
        """CREATE TRIGGER innovation_search_version_ad AFTER DELETE ON innovation_search BEGIN UPDATE search_index_version SET "Version" = "Version" + 1 WHERE "Id" = 1; END;""",
        """CREATE TRIGGER innovation_search_version_au AFTER UPDATE ON innovation_search BEGIN UPDATE search_index_version SET "Version" = "Version" + 1 WHERE "Id" = 1; END;""",
    ];

    public static readonly string[] SqliteVersionDrop =
    [
        "DROP TRIGGER IF EXISTS innovation_search_version_ai;",
        "DROP TRIGGER IF EXISTS innovation_search_version_ad;",
        "DROP TRIGGER IF EXISTS innovation_search_version_au;",
    ];

    // A deferred constraint trigger runs at commit, so a transaction holds the row's lock only while it commits: two
    // writers of different innovations cannot deadlock over it, and nothing waits for it in the middle of a save.
    public static readonly string[] PostgresVersionCreate =
    [
        """
        CREATE FUNCTION innovation_search_changed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE search_index_version SET "Version" = "Version" + 1 WHERE "Id" = 1;
            RETURN NULL;
        END $$;
        """,
        """
        CREATE CONSTRAINT TRIGGER innovation_search_version AFTER INSERT OR UPDATE OR DELETE ON innovation_search
            DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION innovation_search_changed();
        """,
    ];

    public static readonly string[] PostgresVersionDrop =
    [
        "DROP TRIGGER IF EXISTS innovation_search_version ON innovation_search;",
        "DROP FUNCTION IF EXISTS innovation_search_changed();",
    ];

    /// <summary>Matching innovation ids with a relevance (higher is better); {0} is an FTS5 MATCH expression.</summary>
    public const string SqliteHits =
        """
        SELECT rowid AS "InnovationId", -bm25(innovation_search_fts, 10.0, 1.0) AS "Rank"
        FROM innovation_search_fts WHERE innovation_search_fts MATCH {0}
        """;

    /// <summary>
    /// The same on PostgreSQL; {0} is a tsquery in to_tsquery syntax. ts_rank weights {D, C, B, A}: body (B)
    /// 0.1 and name (A) 1.0. ts_rank adds a term's later positions with falling weight and the name comes first,
    /// so one name occurrence outweighs any number in the body.
    /// </summary>
    public const string PostgresHits =
        """
        SELECT s."InnovationId", ts_rank(ARRAY[0.1, 0.1, 0.1, 1.0]::float4[], s."SearchVector", q.query)::float8 AS "Rank"
        FROM innovation_search s, to_tsquery('simple'::regconfig, {0}) AS q(query)
        WHERE s."SearchVector" @@ q.query
        """;

    /// <summary>
    /// How many innovations match, without ranking or joining (the index holds exactly the published innovations);
    /// {0} is an FTS5 MATCH expression.
    /// </summary>
    public const string SqliteCount =
        """
        SELECT COUNT(*) AS "Value" FROM innovation_search_fts WHERE innovation_search_fts MATCH {0}
        """;

    /// <summary>The same on PostgreSQL (answered from the GIN index); {0} is a tsquery in to_tsquery syntax.</summary>
    public const string PostgresCount =
        """
        SELECT COUNT(*)::int AS "Value" FROM innovation_search s WHERE s."SearchVector" @@ to_tsquery('simple'::regconfig, {0})
        """;
}
