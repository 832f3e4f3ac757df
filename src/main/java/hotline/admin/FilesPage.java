package hotline.admin;

import hotline.web.Frame;

import java.util.List;

/** Export and import of prompt files, with what went wrong in the last import. */
public record FilesPage(Frame frame, String liveLabel, List<ProblemView> problems, String error) {
}
