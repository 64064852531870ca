#include "increaseclient.h"
