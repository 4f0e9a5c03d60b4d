// Options for jemalloc, the kg command's allocator, read from this symbol
// when the process starts (jemalloc's manual, "malloc_conf"); MALLOC_CONF
// in the environment still overrides them. Compiled only where kg links
// jemalloc.
//
// Transparent huge pages go only to the tables read at random for the
// whole run (the tagger's and lexicon's, core/huge_pages.h), not to the
// whole heap as "thp:always" did: every batch of articles touches fresh
// pages, and zeroing 2 MiB for each cost more system time than the heap's
// fewer TLB misses saved. Paired runs on bench news against thp:always:
// kg build -j 1 took 0.96 of the time and -j 2 0.97, at 134 MB peak
// instead of 158 MB. metadata_thp:auto keeps jemalloc's own metadata on
// huge pages once it is large.
extern "C" {
// NOLINTNEXTLINE(readability-identifier-naming): the name jemalloc looks for
extern const char* const malloc_conf;
const char* const malloc_conf = "metadata_thp:auto";
}
