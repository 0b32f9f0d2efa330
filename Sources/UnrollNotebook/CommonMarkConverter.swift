import CCmark

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one place that talks to libcmark: it parses CommonMark, copies what the notebook needs into Swift
/// values, renders prose with cmark's safe HTML renderer (each image's `src` replaced by its `ProseImage`
/// placeholder), and frees everything it allocated.
public enum CommonMarkConverter {
    /// cmark's default options: safe rendering (raw HTML and `javascript:` style links are left out).
    private static let options = CMARK_OPT_DEFAULT

    /// Renders `markdown` to HTML with cmark's safe defaults (raw HTML omitted, unsafe link targets emptied).
    public static func renderHTML(_ markdown: String) -> String {
        guard let root = parse(markdown) else { return "" }
        defer { cmark_node_free(root) }
        return render(root)
    }

    /// Parses `text` and copies its top-level blocks (and any nested code blocks) into a `MarkdownDocument`.
    ///
    /// Line numbers are cmark's, which count lines of `text` from 1.
    static func convert(_ text: String) -> MarkdownDocument {
        guard let root = parse(text) else { return MarkdownDocument(blocks: [], nestedCode: []) }
        defer { cmark_node_free(root) }

        var topLevel: [OpaquePointer] = []
        var nested: [MarkdownCode] = []
        var images: [[ProseImage]] = []
        var imageCount = 0
        guard let iterator = cmark_iter_new(root) else { return MarkdownDocument(blocks: [], nestedCode: []) }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator), node != root else { continue }
            if cmark_node_parent(node) == root {
                topLevel.append(node)
                images.append([])
            } else if cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK {
                nested.append(code(node))
            } else if cmark_node_get_type(node) == CMARK_NODE_IMAGE, let block = topLevel.last {
                // The report decides what the image becomes; the HTML only holds a placeholder for it.
                images[images.count - 1].append(ProseImage(id: imageCount, url: string(cmark_node_get_url(node)),
                                                           line: Int(cmark_node_get_start_line(block))))
                _ = cmark_node_set_url(node, ProseImage.placeholder(imageCount))
                imageCount += 1
            }
        }

        let blocks = zip(topLevel, images).map { node, images -> MarkdownBlock in
            if cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK { return .code(code(node)) }
            return .prose(MarkdownProse(
                html: render(node),
                startLine: Int(cmark_node_get_start_line(node)),
                endLine: Int(cmark_node_get_end_line(node)),
                images: images
            ))
        }
        return MarkdownDocument(blocks: blocks, nestedCode: nested)
    }

    /// The document tree for `text`, or nil if cmark could not allocate one; the caller frees it.
    private static func parse(_ text: String) -> OpaquePointer? {
        var bytes = Array(text.utf8)
        let count = bytes.count
        bytes.append(0)
        return bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                cmark_parse_document(pointer, count, options)
            }
        }
    }

    /// The HTML of `node` and its descendants; the rendered C string is freed here.
    private static func render(_ node: OpaquePointer) -> String {
        guard let html = cmark_render_html(node, options) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    /// A code block node's fields copied into Swift.
    private static func code(_ node: OpaquePointer) -> MarkdownCode {
        MarkdownCode(
            info: string(cmark_node_get_fence_info(node)),
            literal: string(cmark_node_get_literal(node)),
            startLine: Int(cmark_node_get_start_line(node)),
            startColumn: Int(cmark_node_get_start_column(node)),
            endLine: Int(cmark_node_get_end_line(node))
        )
    }

    /// A Swift copy of a C string owned by the tree (nil becomes empty).
    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }
}
