"""Document generation: the six official kinds, DOCX through docxtpl, PDF through LibreOffice.

Public API (stable; the service and the CLI use only these):

- `render.render(kind, data, *, settings) -> RenderedDocument` (validates first; `docx`, `key`,
  `input_sha256`, `template_version`, `pdf` once converted) and `render.render_docx(...) -> bytes`;
- `kinds.kinds()`, `kinds.validate(kind, data)`, `kinds.document_key(kind, data)`;
- `pdf.ConverterPool(settings)` (context manager; `convert`, `convert_many`), `pdf.to_pdf(docx, *,
  settings, pool=None)` and `soffice.convert_once(docx, *, settings)` without a server;
- `prefill.review_opinion_data(report, request, *, settings)`,
  `prefill.supplement_request_data(report, request, *, settings)`, `prefill.criteria_titles()`;
- `batch.render_batch(kind, lines, *, settings, out_dir, pdf=False, report=None, pool=None)`.

Schemas of the data: `forms/render/<kind>.schema.json`. Templates: `templates/docx/<kind>.docx`,
built from code by `python -m dsreview.templates.build`. Submodules are imported explicitly so that
importing this package stays cheap.
"""
