// Text that rapidjson parses in situ must end in padding, not just a NUL.
#pragma once

#include <string>

namespace kg {

// With kParseValidateEncodingFlag, rapidjson 1.1 reads the continuation
// bytes a UTF-8 lead byte announces without looking for the end: a
// truncated sequence at the end of the text ('"\xF1') reads up to three
// bytes past the terminating NUL. Four NULs keep those reads inside the
// buffer, and a NUL is never a continuation byte, so the text is still
// refused as invalid UTF-8. Callers refuse NULs inside the text first.
inline void PadForInsituParse(std::string* text) { text->append(4, '\0'); }

}  // namespace kg
