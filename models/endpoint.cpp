#include "endpoint.h"
