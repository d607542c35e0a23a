extension Schema {
    /// What a distillation program spent outside metered API calls, and what fine-tuning providers
    /// charged.
    ///
    /// `fine_tuning_jobs.charge` is the provider's actual charge for a job in USD, as exact decimal
    /// text (Together reports one; OpenAI and Fireworks job objects do not): when present it is the
    /// job's training cost, instead of trained tokens at the catalog's price.
    ///
    /// `one_time_costs` holds the lines of a one-time costs file (data labelling, engineering time,
    /// evaluation runs elsewhere): the amount as exact decimal text in its own currency, converted
    /// when a report uses it. A line is keyed by its day, kind, note and tags, so loading a corrected
    /// file updates the amount in place.
    static let version8 = """
        ALTER TABLE fine_tuning_jobs ADD COLUMN charge TEXT;

        CREATE TABLE one_time_costs (
            id INTEGER PRIMARY KEY,
            source_id INTEGER NOT NULL REFERENCES sources(id),
            day INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (kind != ''),
            amount TEXT NOT NULL,
            currency TEXT NOT NULL CHECK (currency != ''),
            note TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '',
            UNIQUE (day, kind, note, tags)
        );
        """
}
