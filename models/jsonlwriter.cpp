#include "jsonlwriter.h"
