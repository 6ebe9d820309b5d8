"""Document generation: the six official kinds, DOCX through docxtpl, HWPX (한글) from HWPX templates,
PDF through LibreOffice.

Public API (stable; the service and the CLI use only these):

- `render.render(kind, data, *, settings, hwpx=False) -> RenderedDocument` (validates first; `docx`,
  `key`, `input_sha256`, `template_version`, `hwpx` when asked, `pdf` once converted),
  `render.render_docx(...) -> bytes` and `render.render_hwpx(...) -> bytes`;
- `kinds.kinds()`, `kinds.validate(kind, data)`, `kinds.document_key(kind, data)`;
- `sources.check_templates(settings)` (at start-up: every template's placeholders against its kind's
  schema, overrides in `settings.templates_dir` included) and `sources.template_source(kind, fmt, folder)`;
- `pdf.ConverterPool(settings)` (context manager; `convert`, `convert_many`), `pdf.to_pdf(docx, *,
  settings, pool=None)` and `soffice.convert_once(docx, *, settings)` without a server;
- `prefill.review_opinion_data(report, request, *, settings)`,
  `prefill.supplement_request_data(report, request, *, settings)`, `prefill.criteria_titles()`;
- `batch.render_batch(kind, lines, *, settings, out_dir, pdf=False, hwpx=False, report=None, pool=None)`.

Schemas of the data: `forms/render/<kind>.schema.json`. Templates are files staff edit:
`templates/docx/<kind>.docx` (Word, LibreOffice) and `templates/hwpx/<kind>.hwpx` (한글); how the
first ones were laid out is kept outside the package, in `scripts/templates/`. Submodules are
imported explicitly so that importing this package stays cheap.
"""
