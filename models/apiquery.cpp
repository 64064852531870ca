#include "apiquery.h"
