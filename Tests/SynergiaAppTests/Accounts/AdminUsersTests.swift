import Fluent
@testable import SynergiaApp
import SynergiaCore
import Testing
import VaporTesting

@Suite("Administrators manage accounts")
struct AdminUsersTests {
    @Test("only an administrator may open the account list")
    func onlyAdministrators() async throws {
        try await withSynergia { app async throws in
            try await makeUser(app, email: "admin@example.org", role: .administrator)
            try await makeUser(app, email: "fp@example.org", role: .focalPoint, party: "KE", convention: "CBD")
            #expect(try await Browser(app).get("/admin/users").status == .unauthorized)
            let focalPoint = Browser(app)
            try await focalPoint.signIn("fp@example.org")
            #expect(try await focalPoint.get("/admin/users").status == .forbidden)
            #expect(try await focalPoint.post("/admin/users", ["email": "x@example.org", "password": "long enough pw", "role": "bureau"]).status == .forbidden)
            #expect(try await UserModel.query(on: app.db).count() == 2)
            let admin = Browser(app)
            try await admin.signIn("admin@example.org")
            #expect(try await admin.get("/admin/users").contains("fp@example.org"))
        }
    }

    @Test("a bad account form comes back with values kept and each error beside its field; nothing is stored")
    func badForm() async throws {
        try await withSynergia { app async throws in
            try await makeUser(app, email: "admin@example.org", role: .administrator)
            let admin = Browser(app)
            try await admin.signIn("admin@example.org")
            let page = try await admin.post("/admin/users", ["email": "new-fp@example.org", "displayName": "Amina", "password": "short",
                                                              "role": "focal-point", "party": "ZZ", "convention": ""])
            #expect(page.status == .unprocessableEntity)
            #expect(page.contains("value=\"new-fp@example.org\"") && page.contains("value=\"Amina\"") && page.contains("value=\"ZZ\""))
            #expect(page.contains("id=\"password-error\""))
            #expect(page.contains("No Party has this code."))
            #expect(page.contains("This role needs a convention."))
            #expect(try await UserModel.query(on: app.db).count() == 1)

            let created = try await admin.post("/admin/users", ["email": "new-fp@example.org", "password": "a long password",
                                                                 "role": "focal-point", "party": "ke", "convention": "CBD"])
            #expect(created.location == "/admin/users?created=1")
            let user = try await UserModel.query(on: app.db).filter(\.$email == "new-fp@example.org").first()
            #expect(user?.partyCode == "KE" && user?.role == .focalPoint)
        }
    }

    @Test("demo accounts are created once and marked as demo on the pages")
    func demoSeed() async throws {
        try await withSynergia(demo: true) { app in
            #expect(try await DemoSeed.seed(on: app.db, hasher: app.password.async).count == DemoSeed.accounts.count)
            #expect(try await DemoSeed.seed(on: app.db, hasher: app.password.async).isEmpty)
            let browser = Browser(app)
            #expect(try await browser.get("/").contains("class=\"demo-banner\""))
            try await browser.signIn("focal-point@demo.synergia.example", DemoSeed.password)
            #expect(try await browser.get("/account").contains("class=\"demo-tag\""))
            #expect(try await browser.get("/decisions").contains("XII/6"), "the shipped decision is there to explore")
            #expect(try await browser.get("/meetings").contains("COP-13"))
            #expect(try await browser.get("/advisory-group").contains("DEMO — Call for nominations"))
        }
    }
}
