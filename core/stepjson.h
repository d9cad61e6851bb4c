#pragma once

#include <QJsonObject>

#include <optional>

#include "recipe.h"
#include "step.h"

// One step as JSON, {"op": "rotate", "degrees": 90}, and its ranges. Field names in errors
// carry the step's position: "steps[2].degrees".

QJsonObject stepToJson(const Step &step);
// `required`: every key of stepToJson() must be present (the wire). An unknown "op" is an
// error naming it in either case.
std::optional<Step> stepFromJson(const QJsonObject &json, bool required, int index,
                                 FieldError *error);
// The first value out of range, if any.
std::optional<FieldError> invalidStepField(const Step &step, int index);
