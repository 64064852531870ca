#include "apiparsing.h"
