import GeoCore

/// A loaded dataset folder (docs/dataset.md): districts, parks, parcels,
/// enterprises and the policy, with geometries in lon/lat WGS84, repaired.
public struct Dataset: Sendable {
    /// The folder it was read from.
    public var folder: String
    public var districts: [District]
    public var parks: [Park]
    public var parcels: [Parcel]
    /// In columns (`EnterpriseTable`: ~130 bytes per enterprise instead of ~310 as `[Enterprise]`).
    public var enterprises: EnterpriseTable
    public var policy: Policy
    /// Whether the optional files were present.
    public var hasParcels: Bool
    public var hasEnterprises: Bool
    public var hasPolicyFile: Bool
    /// Features read without error but left out of the analyses (e.g. far
    /// outside every district), in file then feature order.
    public var leftOut: [LeftOutFeature] = []

    public init(
        folder: String, districts: [District], parks: [Park], parcels: [Parcel] = [], enterprises: EnterpriseTable = [],
        policy: Policy = Policy(), hasParcels: Bool = true, hasEnterprises: Bool = true, hasPolicyFile: Bool = false
    ) {
        self.folder = folder
        self.districts = districts
        self.parks = parks
        self.parcels = parcels
        self.enterprises = enterprises
        self.policy = policy
        self.hasParcels = hasParcels
        self.hasEnterprises = hasEnterprises
        self.hasPolicyFile = hasPolicyFile
    }

    /// A dataset with its enterprises given as values (hand-built datasets, tests).
    public init(
        folder: String, districts: [District], parks: [Park], parcels: [Parcel] = [], enterprises: [Enterprise],
        policy: Policy = Policy(), hasParcels: Bool = true, hasEnterprises: Bool = true, hasPolicyFile: Bool = false
    ) {
        self.init(
            folder: folder, districts: districts, parks: parks, parcels: parcels,
            enterprises: EnterpriseTable(enterprises, sourceFile: enterprises.first?.source.file ?? DatasetFile.enterprises),
            policy: policy, hasParcels: hasParcels, hasEnterprises: hasEnterprises, hasPolicyFile: hasPolicyFile)
    }

    /// The extent of every district, park, parcel and enterprise, in lon/lat.
    public var boundingBox: BoundingBox? {
        var box = BoundingBox.empty
        for d in districts { if let b = d.geometry.boundingBox { box.extend(with: b) } }
        for p in parks { if let b = p.geometry.boundingBox { box.extend(with: b) } }
        if box.isEmpty {
            for p in parcels { if let b = p.geometry.boundingBox { box.extend(with: b) } }
            for i in enterprises.indices {
                if let p = enterprises.location(at: i) {
                    box.extend(x: p.x, y: p.y)
                } else if let b = enterprises[i].geometry.boundingBox {
                    box.extend(with: b)
                }
            }
        }
        return box.isEmpty ? nil : box
    }
}


/// A feature read without error but kept out of the analyses, and why
/// (`Dataset.leftOut`); every report gives their count.
public struct LeftOutFeature: Sendable, Hashable {
    public enum Reason: String, Sendable, Hashable {
        /// Far outside every district (LayoutIO `FarOutsideFeatures`).
        case farOutsideDistricts = "far_outside_districts"
    }
    public var file: String
    public var index: Int
    public var id: String
    public var reason: Reason

    public init(file: String, index: Int, id: String, reason: Reason) {
        self.file = file
        self.index = index
        self.id = id
        self.reason = reason
    }
}
