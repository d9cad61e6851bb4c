#pragma once

// The protocol's test: one class, one executable, in two files:
//   tst_protocol.cpp       framing (byte by byte, several frames, oversize, garbage, sticky
//                          errors), the hello, a job's round trip
//   tst_protocol_jobs.cpp  a job on the wire that is wrong field by field, ids kept for bad
//                          jobs, and the schema pinned to the protocol version

#include <QtTest>

#include <QJsonArray>

#include "protocol.h"

class tst_Protocol : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip();
    void byteByByte();
    void severalFramesInOneChunk();
    void oversizeRejected();
    void garbageRejected();
    void nonObjectRejected();
    void errorIsSticky();
    void hello_data();
    void hello();
    void jobsCarrySeveral();
    void badJobField_data();
    void badJobField();
    void badJobKeepsItsId();
    void jobsWithoutList();
    void schemaChangeNeedsNewVersion();
};

// A job with every field set, non-ASCII in its path; `id` tells several apart.
Job sampleJob(JobId id);
