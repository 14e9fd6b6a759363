#pragma once
/* The C interface between folio and libfolio-pdfread.so, the module that
 * reads pages of other PDFs with PoDoFo (docs/architecture.md, "PDF pages
 * as images"). folio loads the module with dlopen when a document first
 * places a PDF page, so a document that places none never maps PoDoFo and
 * the libraries it pulls in (docs/performance.md, "Issue 15: PDF pages
 * from a module").
 *
 * Only C types cross: no PoDoFo type, no std::string, no exception. Every
 * string the module hands out lives in its page handle until `close`.
 * The module exports one symbol, FOLIO_PDFREAD_ENTRY, a
 * folio_pdfread_entry_fn: given the ABI version the caller was built for,
 * it returns the table of functions, or NULL when it speaks another
 * version (the caller then says so, as for a missing module). */
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define FOLIO_PDFREAD_ABI 1
#define FOLIO_PDFREAD_ENTRY "folio_pdfread_entry"

/* One page of one PDF, read and copied (opaque). */
typedef struct folio_pdfread_page folio_pdfread_page;

typedef struct folio_pdfread_bytes {
  const char* data;
  size_t size;
} folio_pdfread_bytes;

typedef struct folio_pdfread_api {
  uint32_t abi;  /* FOLIO_PDFREAD_ABI */
  uint32_t size; /* sizeof(folio_pdfread_api) in the module */

  /* Reads page `page` (1-based) of the PDF file `data` (`size` bytes; the
   * module keeps no pointer into it). NULL only when out of memory;
   * otherwise `problem` tells whether the page could be read. */
  folio_pdfread_page* (*open)(const char* data, size_t size, int page);
  /* "" or why the page cannot be read, in the words of a diagnostic
   * ("the PDF is encrypted"). */
  const char* (*problem)(const folio_pdfread_page* p);
  /* The form's extent in pt: the crop box clipped to the media box,
   * turned by /Rotate. */
  void (*extent)(const folio_pdfread_page* p, double* width, double* height);
  /* The form's /BBox and the /Matrix that turns the box as a viewer shows
   * the page and moves its lower-left corner to the origin. */
  void (*form)(const folio_pdfread_page* p, double bbox[4], double matrix[6]);
  /* How many objects the page's resources (and transparency group) reach.
   * The caller reserves that many consecutive object numbers. */
  uint32_t (*object_count)(const folio_pdfread_page* p);
  /* Serialises the copied objects as objects first, first + 1, ... and
   * the resources and group with references to them. Returns 1, or 0 with
   * `problem` set. */
  int (*number)(folio_pdfread_page* p, uint32_t first);
  /* After `number`: copied object i's (0-based, numbered first + i) value
   * in PDF syntax as PoDoFo's compact mode writes it; for a stream, its
   * dictionary, with /Length and, as in the source file, /Filter. */
  folio_pdfread_bytes (*object)(const folio_pdfread_page* p, uint32_t i);
  /* Copied object i's stream data, still encoded; data is NULL when the
   * object is not a stream. In the file, as folio writes every object:
   * "N 0 obj" value "\n" ["stream\n" data "\nendstream\n"] "endobj\n". */
  folio_pdfread_bytes (*stream)(const folio_pdfread_page* p, uint32_t i);
  /* After `number`: the page's /Resources dictionary in PDF syntax, or
   * empty for none; its transparency /Group, or empty for none. */
  folio_pdfread_bytes (*resources)(const folio_pdfread_page* p);
  folio_pdfread_bytes (*group)(const folio_pdfread_page* p);
  /* The page's content, decoded (its parts joined); the caller compresses
   * it as its own streams. */
  folio_pdfread_bytes (*content)(const folio_pdfread_page* p);
  void (*close)(folio_pdfread_page* p);
} folio_pdfread_api;

typedef const folio_pdfread_api* (*folio_pdfread_entry_fn)(uint32_t abi);

#ifdef __cplusplus
}
#endif
