#ifndef CLV_CPROTOBUFC_SHIM_H
#define CLV_CPROTOBUFC_SHIM_H
#include <protobuf-c/protobuf-c.h>
#endif
