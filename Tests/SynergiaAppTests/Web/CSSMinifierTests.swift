import Testing
@testable import SynergiaApp

@Suite("The stylesheet as served: smaller, read the same")
struct CSSMinifierTests {
    @Test("comments and spaces a browser does not read go; strings, calc()'s operators and the space before a colon (a descendant :focus) stay")
    func minified() {
        let css = """
        /* A comment. */
        .a  .b :focus , .c > .d {
          color : var(--ink) ;
          width: calc(100% - 2rem);
          font-family: "Noto  Sans", sans-serif;
        }
        .e::before { content: " · ; } /* not a comment */"; }
        @media (max-width: 40rem) { main { padding-inline: .75rem; } }
        """
        #expect(CSSMinifier.minify(css) == """
        .a .b :focus,.c > .d{color :var(--ink);width:calc(100% - 2rem);font-family:"Noto  Sans",sans-serif}\
        .e::before{content:" · ; } /* not a comment */"}@media (max-width:40rem){main{padding-inline:.75rem}}
        """)
    }

    @Test("the served stylesheet is the minified one, every rule of the source kept")
    func served() throws {
        let assets = try StaticAssets.load()
        let css = try #require(assets.files["synergia.css"]?.body)
        #expect(!css.contains("/*") && !css.contains("\n"))
        #expect(css.contains(".question textarea{display:block;width:100%;") && css.contains("@media (max-width:40rem){"))
        #expect(css.filter { $0 == "{" }.count == css.filter { $0 == "}" }.count)
        // Every rule of the source: as many blocks as the source has outside its comments.
        // Every rule and declaration of the source: as many blocks and colons as it has outside its comments.
        let source = try StaticAssets.source("synergia.css").replacing(/\/\*[\s\S]*?\*\//, with: "")
        #expect(css.filter { $0 == "{" }.count == source.filter { $0 == "{" }.count)
        #expect(css.filter { $0 == ":" }.count == source.filter { $0 == ":" }.count)
        #expect(css.count < source.count)
    }
}
