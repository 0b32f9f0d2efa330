/// A tree of HTML (or inline SVG) that renders to text; text nodes are escaped, and unescaped markup needs the
/// explicit `.raw` case.
public indirect enum HTMLNode: Equatable, Sendable {
    /// An element with ordered attributes and children.
    case element(String, attributes: [HTMLAttribute], children: [HTMLNode])
    /// Text, escaped when rendered.
    case text(String)
    /// Markup written as is: only for HTML that is already safe (cmark's prose output).
    case raw(String)
    /// Several nodes side by side, without a wrapping element.
    case fragment([HTMLNode])

    /// HTML elements that never have content and are written without a closing tag.
    private static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]

    /// SVG elements written self-closed (`<path … />`) when they have no children.
    private static let selfClosingElements: Set<String> = [
        "path", "line", "polyline", "polygon", "rect", "circle", "ellipse", "stop", "use",
    ]

    /// An element from a tag name, attributes in the order given, and children.
    public static func el(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], _ children: [HTMLNode] = [])
        -> HTMLNode
    {
        .element(name, attributes: attributes.map { HTMLAttribute(name: $0.key, value: $0.value) }, children: children)
    }

    /// An element with only text content.
    public static func el(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String) -> HTMLNode {
        el(name, attributes, [.text(text)])
    }

    /// A line break in the markup itself (between block elements), to keep the source readable.
    public static let newline = HTMLNode.raw("\n")

    /// The markup of this node.
    public func render() -> String {
        var out = ""
        render(into: &out)
        return out
    }

    /// Appends the markup of this node to `out`.
    public func render(into out: inout String) {
        switch self {
        case .text(let text):
            out += HTMLEscaping.escape(text)
        case .raw(let markup):
            out += markup
        case .fragment(let nodes):
            for node in nodes { node.render(into: &out) }
        case .element(let name, let attributes, let children):
            out += "<" + name
            for attribute in attributes {
                out += " " + attribute.name + "=\"" + HTMLEscaping.escape(attribute.value) + "\""
            }
            if HTMLNode.voidElements.contains(name) {
                precondition(children.isEmpty, "void element <\(name)> given \(children.count) children")
                out += ">"
            } else if children.isEmpty && HTMLNode.selfClosingElements.contains(name) {
                out += "/>"
            } else {
                out += ">"
                for child in children { child.render(into: &out) }
                out += "</" + name + ">"
            }
        }
    }
}
