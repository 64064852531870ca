#include "connectionwalker.h"
