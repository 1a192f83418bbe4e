// The system SQLite (Debian's libsqlite3-dev), used for `export --format sqlite` and as the
// oracle the tests check query results against.
#include <sqlite3.h>
