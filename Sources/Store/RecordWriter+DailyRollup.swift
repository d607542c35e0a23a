extension RecordWriter {
    /// Brings `request_daily` up to date with everything this writer and the triggers changed.
    /// Call it inside the writing transaction, just before it commits, so readers never see
    /// requests and roll-ups disagree.
    ///
    /// A day that only gained new requests gets their sums added to its roll-up rows. A day that
    /// an update or delete touched, that held rows no writer had rolled up, or whose roll-up was
    /// kept by `prune` after its requests were deleted is re-aggregated from its requests (as
    /// `DailyRollup.refreshDirtyDays` does for every dirty day).
    package func refreshDailyRollups() throws {
        try database.transaction {
            if !insertedSums.isEmpty {
                let recompute = try daysToRecompute()
                try addInsertedSums(skipping: recompute)
            }
            try DailyRollup(database: database).refreshDirtyDays()
        }
        insertedSums = InsertedRequestSums()
        // Another connection may store a request without a hash before this writer's next write.
        unhashedRequestsExistKnown = nil
    }

    /// Marks a day this writer inserted into, so readers aggregate it from its requests until the
    /// roll-up is refreshed; a day that was already marked must be re-aggregated.
    func markDirty(day: Int64) throws {
        try database.execute("INSERT OR IGNORE INTO request_daily_dirty (day) VALUES (?)", [day])
        if database.changes == 0 { insertedSums.noteAlreadyDirty(day) }
    }

    private func daysToRecompute() throws -> Set<Int64> {
        var days = Set(try database.query("SELECT day FROM request_daily_recompute") { $0.int64(0) })
        // A day whose mark is gone was re-aggregated meanwhile (another writer's refresh in this
        // transaction, or `prune`), this writer's rows included: adding them again would count
        // them twice. Mark it again so it is re-aggregated once more, with everything.
        let marked = Set(try database.query("SELECT day FROM request_daily_dirty") { $0.int64(0) })
        for day in insertedSums.days.keys where !marked.contains(day) {
            try database.execute("INSERT INTO request_daily_dirty (day) VALUES (?)", [day])
            days.insert(day)
        }
        let pruned = try database.cachedStatement(
            """
            SELECT EXISTS (SELECT 1 FROM request_daily WHERE day = ?1)
                AND NOT EXISTS (SELECT 1 FROM requests WHERE created_at >= ?1 * 86400
                    AND created_at < (?1 + 1) * 86400 AND id <= ?2)
            """)
        for (day, wasDirty) in insertedSums.days where !days.contains(day) {
            if wasDirty {
                days.insert(day)
                continue
            }
            try pruned.forEachRow([day, insertedSums.lastExistingRequestID ?? 0]) { row in
                if row.int64(0) == 1 { days.insert(day) }
            }
        }
        return days
    }

    private func addInsertedSums(skipping recompute: Set<Int64>) throws {
        let columns = InsertedRequestSums.Sums.columnNames.joined(separator: ", ")
        let read = try database.cachedStatement(
            """
            SELECT \(columns) FROM request_daily WHERE day = ?1 AND model_id = ?2 AND project = ?3
                AND is_batch = ?4 AND service_tier = ?5 AND tag_set_id = ?6 AND input_band = ?7
            """)
        let write = try database.cachedStatement(
            """
            INSERT OR REPLACE INTO request_daily (day, model_id, project, is_batch, service_tier, tag_set_id, input_band, \(columns))
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)
            """)
        for (group, added) in insertedSums.groups where !recompute.contains(group.day) {
            let key: [any SQLBindable] = [
                group.day, group.modelID, group.project, group.isBatch, group.serviceTier, group.tagSetID, group.inputBand,
            ]
            var sums = added
            try read.forEachRow(key) { row in
                try sums.add(try InsertedRequestSums.Sums(row))
            }
            try write.execute(key + sums.columnValues)
        }
        for day in insertedSums.days.keys where !recompute.contains(day) {
            try database.execute("DELETE FROM request_daily_dirty WHERE day = ?", [day])
        }
    }
}
