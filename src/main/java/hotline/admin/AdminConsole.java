package hotline.admin;

import hotline.accounts.AccountRoutes;
import hotline.web.Access;
import hotline.web.Routes;
import hotline.web.WorkLane;

/**
 * The pages of the admin console, mounted together: what callers hear, its versions and files, the audit log and
 * the fallback. All for admins; the heavy ones (publish, rollback, import) run in the lane of heavy admin work.
 */
public record AdminConsole(OverviewController overview, PromptsController prompts, LinesController lines,
                           LanguagesController languages, VersionsController versions, PreviewController preview,
                           FilesController files, AuditController audit, FallbackController fallback,
                           KeptController kept) {

    public void mount(Routes routes, WorkLane heavy) {
        routes.get(AdminRoutes.HOME, overview::show, Access.ADMIN)
                .post(AdminRoutes.PUBLISH, heavy.handler(overview::publish), Access.ADMIN)
                .get(AdminRoutes.DISCARD, overview::confirmDiscard, Access.ADMIN)
                .post(AdminRoutes.DISCARD, overview::discard, Access.ADMIN)
                .get(AdminRoutes.REVERT, overview::confirmRevert, Access.ADMIN)
                .post(AdminRoutes.REVERT, overview::revert, Access.ADMIN)
                .get(AdminRoutes.PROMPTS, prompts::show, Access.ADMIN)
                .post(AdminRoutes.PROMPTS, prompts::save, Access.ADMIN)
                .get(AdminRoutes.LINES, lines::list, Access.ADMIN)
                .get(AdminRoutes.LINE, lines::edit, Access.ADMIN)
                .post(AdminRoutes.LINE, lines::save, Access.ADMIN)
                .post(AdminRoutes.LINE_MOVE, lines::move, Access.ADMIN)
                .get(AdminRoutes.LINE_DELETE, lines::confirmDelete, Access.ADMIN)
                .post(AdminRoutes.LINE_DELETE, lines::delete, Access.ADMIN)
                .post(AdminRoutes.DIRECTORY, lines::saveSettings, Access.ADMIN)
                .get(AdminRoutes.LANGUAGES, languages::show, Access.ADMIN)
                .post(AdminRoutes.LANGUAGES, languages::save, Access.ADMIN)
                .post(AdminRoutes.LANGUAGE_MOVE, languages::move, Access.ADMIN)
                .post(AdminRoutes.LANGUAGE_ADD, languages::add, Access.ADMIN)
                .post(AdminRoutes.LANGUAGE_ORDER_BY_USE, languages::orderByUse, Access.ADMIN)
                .get(AdminRoutes.VERSIONS, versions::list, Access.ADMIN)
                .get(AdminRoutes.DIFF, versions::diff, Access.ADMIN)
                .get(AdminRoutes.ROLLBACK, versions::confirmRollback, Access.ADMIN)
                .post(AdminRoutes.ROLLBACK, heavy.handler(versions::rollback), Access.ADMIN)
                .get(AdminRoutes.PREVIEW, preview::show, Access.ADMIN)
                .get(AdminRoutes.FILES, files::show, Access.ADMIN)
                .get(AdminRoutes.EXPORT, files::export, Access.ADMIN)
                .post(AdminRoutes.IMPORT, heavy.handler(files::importFiles), Access.ADMIN)
                .get(AdminRoutes.IMPORT_CONFIRM, files::confirmImport, Access.ADMIN)
                .post(AdminRoutes.IMPORT_CONFIRM, heavy.handler(files::applyImport), Access.ADMIN)
                .get(AdminRoutes.AUDIT, audit::show, Access.ADMIN)
                .get(AdminRoutes.FALLBACK, fallback::show, Access.ADMIN)
                .post(AdminRoutes.FALLBACK_PASTED, fallback::pasted, Access.ADMIN)
                // A form kept when its author's session ended: offered again once they are back.
                .get(AccountRoutes.KEPT, kept::show, Access.ADMIN)
                .post(AccountRoutes.KEPT, kept::forget, Access.ADMIN);
    }
}
