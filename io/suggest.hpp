// Moved to core/ so that the edit checks suggest as the reader does.
#pragma once
#include "core/suggest.hpp"
