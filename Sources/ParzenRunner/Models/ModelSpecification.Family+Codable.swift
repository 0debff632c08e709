/// A family as its name; decoding a name no family has fails (`init?(rawValue:)`).
extension ModelSpecification.Family: Codable {}
