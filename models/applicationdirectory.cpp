#include "applicationdirectory.h"
