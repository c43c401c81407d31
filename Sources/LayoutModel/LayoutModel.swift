// LayoutModel: the dataset contract (docs/dataset.md) as Swift values.
//
// Code tables (Swift data, shipped with the library):
//   CodeTables/LandUseClasses.swift          《国土空间调查、规划、用途管制用地用海分类指南》(2023)
//   CodeTables/IndustrySections.swift        GB/T 4754-2017 sections A–T
//   CodeTables/IndustryDivisions.swift       GB/T 4754-2017 divisions 01–97
//   CodeTables/IndustryGroupsAndClasses.swift GB/T 4754-2017 groups and classes of section C
//   CodeTables/LegacyIndustryCodes.swift     GB/T 4754-2011 codes replaced in 2017
// Lookups and code rules:  Codes/ (LandUseTable, LandUseCode, IndustryTable, IndustryCode)
// Model values:            Model/ (District, Park, Parcel, Enterprise, ParcelStatus, ParkLevel)
// Schema decoding:         Decoding/ (per-feature decoders, DatasetDecoding for collections,
//                          DatasetCrossCheck for ids and references, DatasetProblem)
// Policy:                  Policy/ (Policy with defaults, Policy.decode, PolicyError)
//
// Pure Swift; geometry validity (GEOS) is checked by another module.
