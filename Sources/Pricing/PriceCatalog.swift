import CostModel
import DistillCore
import Foundation

/// Every model price, training price, deployment price and currency rate from the catalog
/// directories, merged in order: files in a directory in name order, directories in the order
/// given, and a later file's entry replaces an earlier entry with the same id, model by model. That
/// is how users add negotiated prices or their own models without editing the shipped files, and
/// every resolved price still says which file it came from.
public struct PriceCatalog: Sendable {
    /// Models in first-seen order, each the last definition of its id.
    public let models: [CatalogModel]
    public let currencyRates: [CurrencyRate]
    /// Users' own names (top-level `aliases:` in any file), by name; a later file's wins.
    public let nameAliases: [String: NameAlias]
    /// Fine-tuning availability steps of every provider, in file order.
    public let trainingWindows: [TrainingWindow]
    /// The files read, in order.
    public let files: [String]
    /// Warnings that do not stop loading (e.g. an entry replaced by a later file).
    public let warnings: [Diagnostic]

    let modelsByID: [String: Int]
    let modelsByAlias: [String: Int]

    /// Loads and validates the catalog; throws `PricingError.invalidCatalog` listing every error
    /// (with file:line) if any file has one, since a half-loaded catalog would misprice silently.
    public static func load(directories: [String]) throws(PricingError) -> PriceCatalog {
        let result = try check(directories: directories)
        let errors = result.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else { throw .invalidCatalog(errors) }
        return result.catalog
    }

    /// Loads the catalog and returns it with every diagnostic, errors included: what
    /// `pricing check` prints. Throws only when a directory or file cannot be read.
    public static func check(directories: [String]) throws(PricingError) -> (catalog: PriceCatalog, diagnostics: [Diagnostic]) {
        var files: [(path: String, text: String)] = []
        for directory in directories {
            for path in try catalogFiles(in: directory) {
                do {
                    files.append((path, try String(contentsOfFile: path, encoding: .utf8)))
                } catch {
                    throw .unreadable(path: path, reason: "\(error.localizedDescription)")
                }
            }
        }
        return parse(files: files)
    }

    /// Builds a catalog from file texts already in memory, in override order.
    public static func parse(files: [(path: String, text: String)]) -> (catalog: PriceCatalog, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var models: [CatalogModel] = []
        var indexByID: [String: Int] = [:]
        var rates: [CurrencyRate] = []
        var warnings: [Diagnostic] = []
        var nameAliases: [String: NameAlias] = [:]
        var trainingWindows: [TrainingWindow] = []
        for file in files {
            var parser = CatalogFileParser(file: file.path)
            parser.parse(file.text)
            diagnostics += parser.diagnostics
            var seenInFile: [String: SourceLocation] = [:]
            for model in parser.models {
                if let earlier = seenInFile[model.id] {
                    diagnostics.append(
                        Diagnostic(model.location, .error, "model `\(model.id)` is defined twice in this file (first at line \(earlier.line))"))
                    continue
                }
                seenInFile[model.id] = model.location
                if let index = indexByID[model.id] {
                    let note = Diagnostic(
                        model.location, .warning, "model `\(model.id)` replaces the entry at \(models[index].location)")
                    warnings.append(note)
                    diagnostics.append(note)
                    models[index] = model
                } else {
                    indexByID[model.id] = models.count
                    models.append(model)
                }
            }
            rates += parser.currencyRates
            for alias in parser.nameAliases { nameAliases[alias.name] = alias }
            trainingWindows += parser.trainingWindows
        }
        var fileOrder: [String: Int] = [:]
        for (order, file) in files.enumerated() { fileOrder[file.path] = order }
        var indexByAlias: [String: Int] = [:]
        for (index, model) in models.enumerated() {
            for alias in model.aliases {
                if let owner = indexByID[alias], owner != index {
                    // A later file's own entry for a snapshot shadows an earlier file's alias: that
                    // is how one snapshot is overridden. In the same file, or an alias pointing
                    // at an id defined earlier, it is a mistake.
                    let idOrder = fileOrder[models[owner].location.file] ?? 0
                    let aliasOrder = fileOrder[model.location.file] ?? 0
                    if idOrder <= aliasOrder {
                        diagnostics.append(
                            Diagnostic(model.location, .error, "alias `\(alias)` of `\(model.id)` collides with the model id defined at \(models[owner].location)"))
                    }
                    continue
                }
                if let other = indexByAlias[alias], other != index {
                    diagnostics.append(
                        Diagnostic(model.location, .error, "alias `\(alias)` of `\(model.id)` is also an alias of `\(models[other].id)` at \(models[other].location)"))
                    continue
                }
                indexByAlias[alias] = index
            }
        }
        for alias in nameAliases.values.sorted(by: { $0.location.line < $1.location.line }) {
            if let owner = indexByID[alias.name] ?? indexByAlias[alias.name] {
                diagnostics.append(
                    Diagnostic(alias.location, .error, "alias `\(alias.name)` is already a catalog name (of `\(models[owner].id)` at \(models[owner].location)); a user alias may not shadow it"))
            }
        }
        var ratesByDay: [String: CurrencyRate] = [:]
        for rate in rates {
            let key = "\(rate.from)→\(rate.to) \(rate.date)"
            if let earlier = ratesByDay[key] {
                diagnostics.append(
                    Diagnostic(rate.location, .error, "a second \(rate.from)→\(rate.to) rate for \(rate.date) (first at \(earlier.location)); keep one"))
            }
            ratesByDay[key] = rate
        }
        let catalog = PriceCatalog(
            models: models, currencyRates: rates, nameAliases: nameAliases, trainingWindows: trainingWindows, files: files.map(\.path), warnings: warnings, modelsByID: indexByID,
            modelsByAlias: indexByAlias)
        for alias in nameAliases.values.sorted(by: { $0.name < $1.name }) where catalog.lookup(alias.name) == nil {
            diagnostics.append(
                Diagnostic(alias.location, .error, "alias `\(alias.name)` names `\(alias.model)`\(alias.provider.map { " of provider `\($0)`" } ?? ""), which the catalog cannot resolve"))
        }
        return (catalog, diagnostics)
    }

    /// The `.yaml`/`.yml` files directly inside `directory`, in name order (byte order, so the
    /// order never depends on the locale). Subdirectories such as `examples/` are not read.
    static func catalogFiles(in directory: String) throws(PricingError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .unreadable(path: directory, reason: "no such directory")
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw .unreadable(path: directory, reason: "\(error.localizedDescription)")
        }
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            .map { (directory as NSString).appendingPathComponent($0) }
    }

    /// The entry whose id or alias is exactly `name`.
    public func model(named name: String) -> CatalogModel? {
        if let index = modelsByID[name] ?? modelsByAlias[name] { return models[index] }
        return nil
    }
}
