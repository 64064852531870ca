#include "exportcolumn.h"
