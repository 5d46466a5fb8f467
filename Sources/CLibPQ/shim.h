#ifndef CLV_CLIBPQ_SHIM_H
#define CLV_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
